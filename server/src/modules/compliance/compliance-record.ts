import {
  kpiNames, projectYearEnd, type ComplianceRecord, type KpiCell, type KpiName, type KpiThresholds, type KpiValues,
  type StoredComplianceRecord, type Tier,
} from '@campus/common';

export type { StoredComplianceRecord };

/**
 * A summary row (compliance_summaries, or the row toSummary builds) as API.md's `compliance` record
 * (@campus/common's ComplianceRecord), with the year-end projection of a current year.
 */
export function toComplianceRecord(r: Record<string, unknown>): ComplianceRecord {
  const verdicts = r.verdicts as Record<KpiName, { threshold: number | null; met: boolean | null }>;
  const values = Object.fromEntries(kpiNames.map((k) => [k, r[k] as number | null])) as KpiValues;
  const thresholds = Object.fromEntries(kpiNames.map((k) => [k, verdicts[k]?.threshold ?? null])) as KpiThresholds;
  const from = r.fromDate as string;
  const to = r.toDate as string;
  const asOf = r.asOf as string;
  const current = Boolean(r.isCurrent);
  const computedFor = r.computedFor as string;
  // A count of students is projected no higher than the students enrolled in the year (issue 17 item 6).
  const projection = current ? projectYearEnd(values, thresholds, { from, to, asOf }, { enrolledStudents: r.enrolledStudents as number | null }) : undefined;
  const kpis = Object.fromEntries(kpiNames.map((k): [KpiName, KpiCell] => [k, {
    value: values[k], threshold: thresholds[k], met: verdicts[k]?.met ?? null,
    ...(projection?.status === 'projected' ? { projected: projection.values[k], projectedMet: projection.met[k] } : {}),
  }])) as Record<KpiName, KpiCell>;
  return {
    id: r.id as string, schoolId: r.schoolId as number, schoolName: r.schoolName as string, regionId: r.regionId as number,
    agreementId: r.agreementId as number, tier: r.tier as Tier, year: r.year as number, from, to, asOf, current,
    // A current row whose year has ended: the agreement's term has run out and it awaits its final review.
    awaitingFinalReview: current && String(computedFor) >= String(to),
    compliant: r.compliant as boolean, failingKpis: r.failingKpis as KpiName[], kpis,
    projection: projection ? { status: projection.status, daysElapsed: projection.daysElapsed, ...(projection.status === 'projected' ? { compliant: projection.compliant } : {}) } : null,
    enrolledStudents: r.enrolledStudents as number, graduates: r.graduates as number, certifiedStudents: r.certifiedStudents as number,
    certificates1xVerified: Number(r.certificates1xVerified ?? 0), certificatesOperatorVerified: Number(r.certificatesOperatorVerified ?? 0),
    computedFor,
  };
}

/**
 * The record of a summary row as it is stored with the row (compliance_summaries.record), built
 * when the row is computed: everything but the school's name, which a read joins in.
 */
export function storedComplianceRecord(r: Record<string, unknown>): StoredComplianceRecord {
  const { schoolName: _, ...record } = toComplianceRecord(r);
  return record;
}
