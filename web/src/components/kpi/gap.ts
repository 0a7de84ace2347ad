import type { ComplianceRecord, KpiCell } from '@campus/common';
import type { KpiName } from './kpi';

type Translate = (key: string, options?: Record<string, unknown>) => string;
type Row = Pick<ComplianceRecord, 'kpis' | 'enrolledStudents' | 'graduates' | 'certifiedStudents'>;

const EPS = 1e-9;
/** What is still needed to reach a count threshold: whole units. */
const countShort = (value: number, threshold: number) => Math.max(0, Math.ceil(threshold - value - EPS));
/** Students still needed for a ratio over `n` students (19 of 20 registered against 95%: none). */
const studentsShort = (ratio: number, threshold: number, n: number) => Math.max(0, Math.ceil(threshold * n - EPS) - Math.round(ratio * n));
const up1 = (x: number) => Math.ceil(x * 10 - EPS) / 10;

/**
 * How far a failing KPI is from its threshold, in the KPI's own unit: instructors, courses, job fairs
 * and certified students as whole numbers; practice hours per student (and in all, for the students
 * enrolled); a ratio as the students it needs and its percentage points. Null when the KPI is not
 * failing (met, no threshold, nothing measured).
 */
export interface KpiGap { kpi: KpiName; n?: number; points?: number; hours?: number; totalHours?: number }

export function kpiGap(kpi: KpiName, cell: KpiCell | undefined, row: Partial<Row> = {}): KpiGap | null {
  if (!cell || cell.met !== false || cell.threshold === null) return null;
  const { value, threshold } = cell;
  switch (kpi) {
    case 'certifiedInstructors': case 'offlineCourses': case 'jobFairs': case 'certificates1x': case 'certificatesOperator':
      return { kpi, n: countShort(value ?? 0, threshold) };
    case 'practiceHours': {
      if (value === null) return { kpi };
      const hours = up1(threshold - value);
      return { kpi, hours, ...(row.enrolledStudents ? { totalHours: Math.ceil((threshold - value) * row.enrolledStudents - EPS) } : {}) };
    }
    case 'teachingDelivery': case 'jobPlatformRate': {
      if (value === null) return null;
      const n = kpi === 'teachingDelivery' ? row.graduates : row.certifiedStudents;
      return { kpi, points: up1((threshold - value) * 100), ...(n ? { n: studentsShort(value, threshold, n) } : {}) };
    }
    default:
      return null;
  }
}

/** The gap in words: "还差 12 名学生" / "12 students short". */
export function formatKpiGap(gap: KpiGap, translate: Translate, locale: string): string {
  const f = (x: number, digits = 0) => new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'zh-CN', { maximumFractionDigits: digits }).format(x);
  const key = `app.kpi_gap.${gap.kpi}`;
  if (gap.kpi === 'practiceHours') {
    if (gap.hours === undefined) return translate('app.kpi_gap.practiceHours_none');
    return translate(gap.totalHours !== undefined ? `${key}_total` : key, { hours: f(gap.hours, 1), total: f(gap.totalHours ?? 0), smart_count: gap.totalHours ?? 0 });
  }
  if (gap.kpi === 'teachingDelivery' || gap.kpi === 'jobPlatformRate') {
    return translate(gap.n !== undefined ? `${key}_students` : key, { smart_count: gap.n ?? 0, n: f(gap.n ?? 0), points: f(gap.points ?? 0, 1) });
  }
  return translate(key, { smart_count: gap.n ?? 0, n: f(gap.n ?? 0) });
}

/**
 * The either/or certificate rule as one verdict (DOMAIN.md): met when the 1+X count reaches its
 * threshold or the Operator count reaches its own. `by` names the count that meets it; a failing
 * verdict gives both gaps ("还差 12 人（1+X）或 215 人（操盘官）").
 */
export type CertificateVerdict =
  | { status: 'none' }
  | { status: 'met'; by: 'certificates1x' | 'certificatesOperator' | 'both' }
  | { status: 'failing'; short1x: number | null; shortOperator: number | null };

export function certificateVerdict(row: Pick<ComplianceRecord, 'kpis'>): CertificateVerdict {
  const x = row.kpis.certificates1x;
  const op = row.kpis.certificatesOperator;
  const t1 = x?.threshold ?? null;
  const tOp = op?.threshold ?? null;
  if (t1 === null && tOp === null) return { status: 'none' };
  const ok1 = t1 !== null && (x?.value ?? 0) + EPS >= t1;
  const okOp = tOp !== null && (op?.value ?? 0) + EPS >= tOp;
  if (ok1 || okOp) return { status: 'met', by: ok1 && okOp ? 'both' : ok1 ? 'certificates1x' : 'certificatesOperator' };
  return {
    status: 'failing',
    short1x: t1 === null ? null : countShort(x?.value ?? 0, t1),
    shortOperator: tOp === null ? null : countShort(op?.value ?? 0, tOp),
  };
}

export function formatCertificateVerdict(v: CertificateVerdict, translate: Translate, locale: string): string {
  const f = (x: number) => new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'zh-CN').format(x);
  if (v.status === 'none') return translate('app.threshold.none');
  if (v.status === 'met') return translate(`app.certificate_verdict.met_by_${v.by}`);
  if (v.short1x !== null && v.shortOperator !== null) {
    return translate('app.certificate_verdict.short_either', { x: f(v.short1x), op: f(v.shortOperator), smart_count: v.short1x });
  }
  const n = v.short1x ?? v.shortOperator ?? 0;
  return translate(v.short1x !== null ? 'app.kpi_gap.certificates1x' : 'app.kpi_gap.certificatesOperator', { n: f(n), smart_count: n });
}
