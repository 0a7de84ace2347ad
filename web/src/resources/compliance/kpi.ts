import { kpiSpec, formatKpiNumber, type KpiName } from '../../components/kpi/kpi';
import type { ComplianceRecord, KpiCell } from '@campus/common';

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

const wholeNumbers = (locale: string) => new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'zh-CN', { maximumFractionDigits: 0 });

/** The projected year-end value rounded the way the KPI is read (counts are whole). */
export function formatProjected(kpi: KpiName, value: number | null | undefined, locale: string): string {
  if (value === null || value === undefined) return '—';
  if (kpiSpec(kpi).kind === 'count') return wholeNumbers(locale).format(Math.floor(value));
  return formatKpiNumber(kpi, value, locale);
}

/**
 * The projection of a current row in words: on course (projected compliant), projected to fail, or
 * not enough data yet (fewer than 60 days into the year). A row that is not current has none.
 */
export type ProjectionOutlook = 'on_course' | 'recover' | 'projected_fail' | 'not_enough_data' | 'none';

export function projectionOutlook(row: Pick<ComplianceRecord, 'projection' | 'compliant'>): ProjectionOutlook {
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
