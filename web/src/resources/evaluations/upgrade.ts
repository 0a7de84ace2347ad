import { kpiNames, type KpiName } from '../../components/kpi/kpi';
import { type ComplianceRecord } from '@campus/common';

/** One requirement of the tier above, against the school's current agreement year. */
export interface UpgradeGap {
  /** A KPI, or the certificate rule (1+X or Operator, either is enough). */
  key: KpiName | 'certificates';
  /** true: already at the tier above's threshold; false: short of it; null: nothing to measure yet. */
  met: boolean | null;
  value: number | null;
  threshold: number | null;
  /** How much is missing, in the KPI's reading unit: people, courses, hours, percentage points. */
  gap: number;
  /** The certificate rule: the Operator side (value, threshold, gap). */
  alt?: { value: number | null; threshold: number | null; gap: number };
  /** The year-end value at the pace so far, for flows that accumulate. */
  projected?: number | null;
}

export type PolicyThresholds = Partial<Record<KpiName | 'offlineCourseMinHours', number | null>>;

const counts: readonly KpiName[] = ['certifiedInstructors', 'offlineCourses', 'jobFairs', 'certificates1x', 'certificatesOperator'];
const ratios: readonly KpiName[] = ['teachingDelivery', 'jobPlatformRate'];

const round1 = (n: number) => Math.ceil(n * 10 - 1e-9) / 10;

/** How far a value is from a threshold, in the unit a person reads (ratios in percentage points). */
export function shortfall(kpi: KpiName, value: number | null, threshold: number): number {
  const v = value ?? 0;
  if (counts.includes(kpi)) return Math.max(0, Math.ceil(threshold - v - 1e-9));
  if (ratios.includes(kpi)) return Math.max(0, round1((threshold - v) * 100));
  return Math.max(0, round1(threshold - v));
}

/**
 * The requirements of the tier above that the school's current year does not meet yet, and those it
 * already meets: each KPI with a threshold in that tier's policy, the two certificate counts as one
 * rule. Values come from the server's compliance row; nothing is counted in the browser.
 */
export function upgradeGaps(row: Pick<ComplianceRecord, 'kpis'>, policy: PolicyThresholds): UpgradeGap[] {
  const gaps: UpgradeGap[] = [];
  for (const kpi of kpiNames) {
    if (kpi === 'certificatesOperator') continue;
    if (kpi === 'certificates1x') {
      const t1 = policy.certificates1x ?? null;
      const tO = policy.certificatesOperator ?? null;
      if (t1 === null && tO === null) continue;
      const v1 = row.kpis.certificates1x?.value ?? null;
      const vO = row.kpis.certificatesOperator?.value ?? null;
      const gap1 = t1 === null ? Infinity : shortfall('certificates1x', v1, t1);
      const gapO = tO === null ? Infinity : shortfall('certificatesOperator', vO, tO);
      gaps.push({
        key: 'certificates',
        met: gap1 === 0 || gapO === 0,
        value: v1,
        threshold: t1,
        gap: Number.isFinite(gap1) ? gap1 : 0,
        alt: { value: vO, threshold: tO, gap: Number.isFinite(gapO) ? gapO : 0 },
        projected: row.kpis.certificates1x?.projected ?? null,
      });
      continue;
    }
    const threshold = policy[kpi] ?? null;
    if (threshold === null) continue;
    const cell = row.kpis[kpi];
    const value = cell?.value ?? null;
    if (value === null && ratios.includes(kpi)) {
      gaps.push({ key: kpi, met: null, value, threshold, gap: 0 });
      continue;
    }
    const gap = shortfall(kpi, value, threshold);
    gaps.push({ key: kpi, met: gap === 0, value, threshold, gap, projected: cell?.projected ?? null });
  }
  return gaps;
}
