import { kpiNames, ratioKpis, type KpiName } from '@campus/common';
import { thresholdSpecs, type ThresholdSpec } from '../policy/thresholds';
import type { ComplianceRecord } from '@campus/common';

export { kpiNames, ratioKpis, type KpiName };

/** The spec (kind and unit) of a KPI, shared with the tier policy's thresholds. */
export const kpiSpec = (kpi: KpiName): ThresholdSpec => thresholdSpecs[kpi];

/** The label of a KPI, the same on every screen. */
export const kpiLabelKey = (kpi: string) => `app.kpi.${kpi}`;

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

/** A KPI value as read, with its unit: "96.5%", "181.3 小时/人·年", "5 人"; "—" when there is no value. */
export function formatKpiValue(kpi: KpiName, value: number | null | undefined, translate: Translate, locale: string): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  const unit = kpiUnit(kpi, translate, value);
  return `${formatKpiNumber(kpi, value, locale)}${unit ? ` ${unit}` : ''}`;
}

/** "≥ 200 人" for a threshold, or "无要求" when the tier has none. */
export function formatKpiThreshold(kpi: KpiName, threshold: number | null | undefined, translate: Translate, locale: string): string {
  if (threshold === null || threshold === undefined) return translate('app.threshold.none');
  const unit = kpiUnit(kpi, translate, threshold);
  return `≥ ${formatKpiNumber(kpi, threshold, locale)}${unit ? ` ${unit}` : ''}`;
}

/** The KPIs that fail in a row: its failingKpis when the server wrote them, else those not met. */
export function failingOf(row: { failingKpis?: readonly string[] | null; kpis?: Partial<ComplianceRecord['kpis']> } | null | undefined): KpiName[] {
  if (!row) return [];
  if (Array.isArray(row.failingKpis)) return row.failingKpis.filter((k): k is KpiName => (kpiNames as readonly string[]).includes(k));
  return kpiNames.filter((k) => row.kpis?.[k]?.met === false);
}

/** The two certificate KPIs pass together: either count at its threshold is enough (DOMAIN.md). */
export const certificateKpis: readonly KpiName[] = ['certificates1x', 'certificatesOperator'];

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

/** A react-admin list URL with a filter in its query string. */
export const listLink = (resource: string, filter: Record<string, unknown>) =>
  `/${resource}?filter=${encodeURIComponent(JSON.stringify(filter))}`;

export function factsLink(kpi: KpiName): string {
  const { resource, filter } = factsOfKpi[kpi];
  return filter ? listLink(resource, filter) : `/${resource}`;
}
