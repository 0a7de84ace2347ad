/** The KPIs of DOMAIN.md ("KPI definitions"), in the order the screens show them. */
export const kpiNames = [
  'certifiedInstructors', 'teachingDelivery', 'offlineCourses', 'practiceHours',
  'certificates1x', 'certificatesOperator', 'jobPlatformRate', 'jobFairs',
] as const;
export type KpiName = (typeof kpiNames)[number];

export type KpiValues = Record<KpiName, number | null>;
export type KpiThresholds = Record<KpiName, number | null>;

/** Ratios are fractions (0.95 is 95%); the rest are counts, hours or averages. */
export const ratioKpis: readonly KpiName[] = ['teachingDelivery', 'jobPlatformRate'];
