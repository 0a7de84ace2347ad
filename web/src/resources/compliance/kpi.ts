import { thresholdSpecs, type ThresholdSpec } from '../tier-policies/thresholds';
import { kpiNames, ratioKpis, type KpiName } from '@campus/common';

export { kpiNames, ratioKpis, type KpiName };

/** One KPI of a compliance row, as GET /api/compliance answers it. */
export interface KpiCell {
  value: number | null;
  threshold: number | null;
  /** null: no threshold for the tier (shown, never failing). */
  met: boolean | null;
  projected?: number | null;
  projectedMet?: boolean | null;
}

export interface ComplianceRow {
  id: string;
  schoolId: number;
  schoolName: string;
  regionId: number;
  agreementId: number;
  tier: string;
  year: number;
  from: string;
  to: string;
  asOf: string;
  current: boolean;
  /** The agreement's term has run out and its final review is not decided: its last year stays current. */
  awaitingFinalReview?: boolean;
  compliant: boolean;
  failingKpis: KpiName[];
  kpis: Record<KpiName, KpiCell>;
  projection: { status: 'not_enough_data' | 'projected'; daysElapsed: number; compliant?: boolean } | null;
  enrolledStudents?: number;
  graduates?: number;
  certifiedStudents?: number;
}

/** The flows that accumulate over a year and have a monthly trend (GET /api/compliance/:id/trend). */
export const trendKpis = ['certificates1x', 'certificatesOperator', 'practiceHours', 'jobFairs', 'offlineCourses'] as const;
export type TrendKpi = (typeof trendKpis)[number];

/**
 * How a KPI reads next to its threshold:
 * - met / failing: measured against a threshold;
 * - none: the tier has no threshold for it (shown, never failing);
 * - not_measured: there is a threshold but nothing to measure yet (no graduates, nobody certified),
 *   which the server counts as not failing (DOMAIN.md).
 */
export type KpiStatus = 'met' | 'failing' | 'none' | 'not_measured';

export function kpiStatus(cell: KpiCell | undefined): KpiStatus {
  if (!cell || cell.threshold === null || cell.met === null) return 'none';
  if (cell.value === null) return 'not_measured';
  return cell.met ? 'met' : 'failing';
}

export const statusColors: Record<KpiStatus, 'success' | 'error' | 'default' | 'info'> = {
  met: 'success',
  failing: 'error',
  none: 'default',
  not_measured: 'info',
};

/** The spec (kind and unit) of a KPI, shared with the tier policy's thresholds. */
export const kpiSpec = (kpi: KpiName): ThresholdSpec => thresholdSpecs[kpi];

type Translate = (key: string, options?: Record<string, unknown>) => string;

const numberFormat = (locale: string, digits: number) =>
  new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'zh-CN', { maximumFractionDigits: digits });

/** The number of a KPI value as read: "95%" for a ratio, "162.5" for hours, "212" for a count. */
export function formatKpiNumber(kpi: KpiName, value: number | null | undefined, locale: string): string {
  if (value === null || value === undefined) return '—';
  const spec = kpiSpec(kpi);
  if (spec.kind === 'ratio') return `${numberFormat(locale, 1).format(value * 100)}%`;
  return numberFormat(locale, spec.kind === 'decimal' ? 1 : 0).format(value);
}

/** The unit after a KPI number ("人", "小时/人·年"), empty for percentages. */
export function kpiUnit(kpi: KpiName, translate: Translate, value = 2): string {
  const spec = kpiSpec(kpi);
  if (spec.kind === 'ratio' || !spec.unit) return '';
  return translate(`app.unit.${spec.unit}`, { smart_count: value });
}

/** "≥ 200 人" for a threshold, or "无要求". */
export function formatKpiThreshold(kpi: KpiName, threshold: number | null, translate: Translate, locale: string): string {
  if (threshold === null) return translate('app.threshold.none');
  const unit = kpiUnit(kpi, translate, threshold);
  return `≥ ${formatKpiNumber(kpi, threshold, locale)}${unit ? ` ${unit}` : ''}`;
}

/** The projected year-end value rounded the way the KPI is read (counts are whole). */
export function formatProjected(kpi: KpiName, value: number | null | undefined, locale: string): string {
  if (value === null || value === undefined) return '—';
  const spec = kpiSpec(kpi);
  if (spec.kind === 'count') return numberFormat(locale, 0).format(Math.floor(value));
  return formatKpiNumber(kpi, value, locale);
}

/**
 * The projection of a current row in words: on course (projected compliant), projected to fail, or
 * not enough data yet (fewer than 60 days into the year). A row that is not current has none.
 */
export type ProjectionOutlook = 'on_course' | 'recover' | 'projected_fail' | 'not_enough_data' | 'none';

export function projectionOutlook(row: Pick<ComplianceRow, 'projection' | 'compliant'>): ProjectionOutlook {
  if (!row.projection) return 'none';
  if (row.projection.status === 'not_enough_data') return 'not_enough_data';
  if (row.projection.compliant) return row.compliant ? 'on_course' : 'recover';
  return 'projected_fail';
}

export const outlookColors: Record<ProjectionOutlook, 'success' | 'error' | 'default' | 'info' | 'warning'> = {
  on_course: 'success',
  recover: 'info',
  projected_fail: 'error',
  not_enough_data: 'default',
  none: 'default',
};
