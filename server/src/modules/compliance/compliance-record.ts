import { kpiNames, type KpiName, type KpiThresholds, type KpiValues } from '@campus/common';
import { projectYearEnd } from '@campus/common';

/** A summary row as API.md's `compliance` record, with the year-end projection of a current year. */
export function toComplianceRecord(r: Record<string, unknown>) {
  const verdicts = r.verdicts as Record<KpiName, { threshold: number | null; met: boolean | null }>;
  const values = Object.fromEntries(kpiNames.map((k) => [k, r[k] as number | null])) as KpiValues;
  const thresholds = Object.fromEntries(kpiNames.map((k) => [k, verdicts[k]?.threshold ?? null])) as KpiThresholds;
  const projection = r.isCurrent ? projectYearEnd(values, thresholds, { from: r.fromDate as string, to: r.toDate as string, asOf: r.asOf as string }) : undefined;
  const kpis = Object.fromEntries(kpiNames.map((k) => [k, {
    value: values[k], threshold: thresholds[k], met: verdicts[k]?.met ?? null,
    ...(projection?.status === 'projected' ? { projected: projection.values[k], projectedMet: projection.met[k] } : {}),
  }]));
  return {
    id: r.id, schoolId: r.schoolId, schoolName: r.schoolName, regionId: r.regionId, agreementId: r.agreementId,
    tier: r.tier, year: r.year, from: r.fromDate, to: r.toDate, asOf: r.asOf, current: r.isCurrent,
    // A current row whose year has ended: the agreement's term has run out and it awaits its final review.
    awaitingFinalReview: Boolean(r.isCurrent) && String(r.computedFor) >= String(r.toDate),
    compliant: r.compliant, failingKpis: r.failingKpis, kpis,
    projection: projection ? { status: projection.status, daysElapsed: projection.daysElapsed, ...(projection.status === 'projected' ? { compliant: projection.compliant } : {}) } : null,
    enrolledStudents: r.enrolledStudents, graduates: r.graduates, certifiedStudents: r.certifiedStudents,
    computedFor: r.computedFor,
  };
}

/**
 * The record of a summary row as it is stored with the row (compliance_summaries.record), built
 * when the row is computed: everything but the school's name, which a read joins in.
 */
export function storedComplianceRecord(r: Record<string, unknown>) {
  const { schoolName: _, ...record } = toComplianceRecord(r);
  return record;
}

export type StoredComplianceRecord = ReturnType<typeof storedComplianceRecord>;
