import type { IsoDate } from '../calendar/agreement-year.js';
import { daysBetween } from '../calendar/agreement-year.js';
import { kpiNames, type KpiName, type KpiThresholds, type KpiValues } from './kpi-names.js';
import { evaluateKpis } from './verdicts.js';

/** Days of the year that must have passed before a projection means anything (DOMAIN.md). */
export const MIN_DAYS_FOR_PROJECTION = 60;

/**
 * Flows that accumulate over the year and are projected at the pace so far. The instructor count is
 * a stock (who holds a valid certification now), and ratios and averages stay at their current
 * value, as DOMAIN.md assumes.
 */
export const paceProjected: readonly KpiName[] = ['offlineCourses', 'certificates1x', 'certificatesOperator', 'jobFairs'];

/**
 * Counts of students: a year-end projection of one can be no more than the students enrolled in the
 * year (a school with 150 students cannot certify 300 of them), nor less than what is counted already.
 */
export const studentCounts: readonly KpiName[] = ['certificates1x', 'certificatesOperator'];

/** What bounds a projection: the students enrolled in the year (null or absent: no bound known). */
export interface ProjectionBounds { enrolledStudents?: number | null }

export type Projection =
  | { status: 'not_enough_data'; daysElapsed: number }
  | { status: 'projected'; daysElapsed: number; yearDays: number; values: KpiValues; met: Record<KpiName, boolean | null>; compliant: boolean };

/**
 * The year-end projection of a current agreement year computed on `asOf` (its last counted day). The
 * projected values are exact, and so are the verdicts on them: they are rounded only for display.
 * A count of students is bounded by the students enrolled in the year (`bounds`), never below its
 * value so far.
 */
export function projectYearEnd(values: KpiValues, thresholds: KpiThresholds, year: { from: IsoDate; to: IsoDate; asOf: IsoDate }, bounds: ProjectionBounds = {}): Projection {
  const daysElapsed = daysBetween(year.from, year.asOf) + 1;
  const yearDays = daysBetween(year.from, year.to);
  if (daysElapsed < MIN_DAYS_FOR_PROJECTION) return { status: 'not_enough_data', daysElapsed };
  const factor = yearDays / Math.min(daysElapsed, yearDays);
  const projected = { ...values };
  for (const name of kpiNames) {
    const v = values[name];
    if (v === null || !paceProjected.includes(name)) continue;
    const atPace = v * factor;
    const cap = studentCounts.includes(name) && bounds.enrolledStudents != null ? Math.max(v, bounds.enrolledStudents) : Infinity;
    projected[name] = Math.min(atPace, cap);
  }
  const verdict = evaluateKpis(projected, thresholds);
  const met = Object.fromEntries(kpiNames.map((n) => [n, verdict.kpis[n].met])) as Record<KpiName, boolean | null>;
  return { status: 'projected', daysElapsed, yearDays, values: projected, met, compliant: verdict.compliant };
}
