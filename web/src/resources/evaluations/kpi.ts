import { kpiNames, ratioKpis, type KpiName } from '@campus/common';
import { formatKpiNumber, formatKpiThreshold as formatThreshold, kpiUnit } from '../compliance/kpi';

export { kpiNames, ratioKpis, type KpiName };

/** One KPI of a compliance row (GET /api/compliance) or of an evaluation's frozen snapshot. */
export interface KpiCell {
  value: number | null;
  threshold: number | null;
  /** null: no threshold for the tier, or no value (no graduates, nobody certified): never failing. */
  met: boolean | null;
  projected?: number | null;
  projectedMet?: boolean | null;
}

/** A compliance row; an evaluation's snapshot is one, frozen when the evaluation was opened. */
export interface ComplianceRow {
  id: string;
  schoolId: number;
  schoolName?: string;
  agreementId: number;
  tier: string;
  year: number;
  from: string;
  to: string;
  asOf?: string;
  current?: boolean;
  compliant: boolean | null;
  failingKpis?: string[] | null;
  kpis: Partial<Record<KpiName, KpiCell>>;
  projection?: { status: 'not_enough_data' | 'projected'; daysElapsed: number; compliant?: boolean } | null;
}

/** The KPIs that fail in a row: its failingKpis when the server wrote them, else those not met. */
export function failingOf(row: Pick<ComplianceRow, 'failingKpis' | 'kpis'> | null | undefined): KpiName[] {
  if (!row) return [];
  if (Array.isArray(row.failingKpis)) return row.failingKpis.filter((k): k is KpiName => (kpiNames as readonly string[]).includes(k));
  return kpiNames.filter((k) => row.kpis?.[k]?.met === false);
}

/** The two certificate KPIs pass together: either count at its threshold is enough (DOMAIN.md). */
export const certificateKpis: readonly KpiName[] = ['certificates1x', 'certificatesOperator'];

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** A KPI value as read, with its unit: "96.5%", "181.3 小时/人·年", "5 人"; "—" when there is no value. */
export function formatKpiValue(kpi: KpiName, value: number | null | undefined, translate: Translate, locale: string): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  const unit = kpiUnit(kpi, translate, value);
  return `${formatKpiNumber(kpi, value, locale)}${unit ? ` ${unit}` : ''}`;
}

/** "≥ 200 人", or "无要求" when the tier has none (the compliance screens' wording). */
export const formatKpiThreshold = (kpi: KpiName, threshold: number | null | undefined, translate: Translate, locale: string) =>
  formatThreshold(kpi, threshold ?? null, translate, locale);

/** The label of a KPI, the same on every screen (the compliance screens' labels). */
export const kpiLabelKey = (kpi: string) => `app.kpi.${kpi}`;

/**
 * Where a school records what a KPI counts (the facts screens), to add what is missing. Returns the
 * list route; the list has the "create" and "import" buttons.
 */
export const factsOfKpi: Record<KpiName, { resource: string; filter?: Record<string, unknown> }> = {
  certifiedInstructors: { resource: 'instructors' },
  teachingDelivery: { resource: 'course-completions' },
  offlineCourses: { resource: 'courses', filter: { kind: 'offline' } },
  practiceHours: { resource: 'practice-records' },
  certificates1x: { resource: 'certificates', filter: { kind: '1x' } },
  certificatesOperator: { resource: 'certificates', filter: { kind: 'operator' } },
  jobPlatformRate: { resource: 'job-registrations' },
  jobFairs: { resource: 'job-fairs' },
};

export function factsLink(kpi: KpiName): string {
  const { resource, filter } = factsOfKpi[kpi];
  return filter ? `/${resource}?filter=${encodeURIComponent(JSON.stringify(filter))}` : `/${resource}`;
}

/** A react-admin list URL with a filter in its query string. */
export const listLink = (resource: string, filter: Record<string, unknown>) =>
  `/${resource}?filter=${encodeURIComponent(JSON.stringify(filter))}`;

/** Today's calendar date in China, as the server counts days (DOMAIN.md: Asia/Shanghai). */
export function todayInChina(at: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/** Whole days from one calendar date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const ms = Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`);
  return Math.round(ms / 86_400_000);
}

/** The calendar date `days` after `date`. */
export function addDays(date: string, days: number): string {
  const d = new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000);
  return d.toISOString().slice(0, 10);
}

/**
 * Agreement year N as the server counts it: [start + (N-1) years, start + N years); 29 February
 * becomes 28 February in a common year.
 */
export function agreementYear(start: string, n: number): { from: string; to: string } {
  const shift = (years: number) => {
    const [y, m, d] = start.split('-').map(Number);
    const year = y + years;
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    const day = m === 2 && d === 29 && !leap ? 28 : d;
    return `${year}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  };
  return { from: shift(n - 1), to: shift(n) };
}
