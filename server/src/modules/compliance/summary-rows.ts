import type { tierPolicies } from '../../db/schema/index.js';
import { evaluateKpis } from '@campus/common';
import { kpiNames, type KpiName, type KpiThresholds, type KpiValues } from '@campus/common';
import type { KpiValueRow } from './kpi-values-sql.js';
import { storedComplianceRecord } from './compliance-record.js';

type Policy = typeof tierPolicies.$inferSelect;

export function valuesOf(r: KpiValueRow): KpiValues {
  return {
    certifiedInstructors: r.certifiedInstructors,
    teachingDelivery: r.graduates ? r.graduatesCompleted / r.graduates : null,
    offlineCourses: r.offlineCourses,
    practiceHours: r.enrolledStudents ? r.practiceHoursSum / r.enrolledStudents : null,
    certificates1x: r.certificates1x,
    certificatesOperator: r.certificatesOperator,
    jobPlatformRate: r.certifiedStudents ? r.activeCertified / r.certifiedStudents : null,
    jobFairs: r.jobFairs,
  };
}

export function thresholdsOf(policy: Pick<Policy, KpiName> | undefined): KpiThresholds {
  return Object.fromEntries(kpiNames.map((k) => [k, policy?.[k] ?? null])) as KpiThresholds;
}

/**
 * A compliance summary row: the values, and the verdicts of the policy in force (only its thresholds
 * are read). The demo seed builds its evaluation snapshots with it too, from the same counts.
 */
export function toSummary(r: KpiValueRow, policy: Pick<Policy, KpiName> | undefined, today: string) {
  const values = valuesOf(r);
  const verdict = evaluateKpis(values, thresholdsOf(policy));
  const row = {
    agreementId: r.agreementId, year: r.year, schoolId: r.schoolId, regionId: r.regionId, tier: r.tier,
    fromDate: r.fromDate, toDate: r.toDate, asOf: r.asOf, isCurrent: r.isCurrent, policyId: r.policyId,
    // Exact values: the verdicts, the projection and every later reader compare these; only a screen rounds them.
    ...Object.fromEntries(kpiNames.map((k) => [k, values[k]])) as Record<(typeof kpiNames)[number], number | null>,
    enrolledStudents: r.enrolledStudents, graduates: r.graduates, certifiedStudents: r.certifiedStudents,
    certificates1xVerified: r.certificates1xVerified, certificatesOperatorVerified: r.certificatesOperatorVerified,
    verdicts: Object.fromEntries(kpiNames.map((k) => [k, { threshold: verdict.kpis[k].threshold, met: verdict.kpis[k].met }])),
    compliant: verdict.compliant, failingKpis: verdict.failing, computedFor: today,
  };
  return {
    ...row, record: storedComplianceRecord({ ...row, id: `${row.agreementId}-${row.year}` }),
    // Not in the record: only the what-if of a counting rule reads them.
    activeHistogram: r.activeHistogram ?? null, offlineHoursHistogram: r.offlineHoursHistogram ?? null,
  };
}
