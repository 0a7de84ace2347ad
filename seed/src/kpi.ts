import { agreementYear, tierPolicyDefaults, type ComplianceRecord, type KpiName } from '@campus/common';
import type { KpiValueRow } from '@campus/server/modules/compliance/kpi-values-sql.js';
import { toSummary } from '@campus/server/modules/compliance/summary-rows.js';
import { addDaysTo } from './lib/dates.js';

/**
 * The demo seed freezes evaluation snapshots of the data it generates before it loads them, so it
 * counts the facts in memory. Only the counting is here, and it is the server's KPI query
 * (kpi-values-sql.ts) counting the same facts the same way; everything from the counts on (the values,
 * exact; the verdicts, the either-certificate rule, no students meaning no practice-hours value; the
 * projection; the record itself) is the server's own toSummary. demo.test.ts proves the counts equal
 * the server's engine for every agreement year of the demo.
 */

export type { KpiName };

/** The part of a tier policy the KPIs read. */
export interface Thresholds {
  certifiedInstructors: number | null;
  teachingDelivery: number | null;
  offlineCourses: number | null;
  offlineCourseMinHours: number;
  practiceHours: number | null;
  certificates1x: number | null;
  certificatesOperator: number | null;
  jobPlatformRate: number | null;
  activeResumeCompleteness: number;
  activeMinApplications: number;
  jobFairs: number | null;
  /** Only verified certificates count for the certificate KPIs and the job-platform rate (issue 18). */
  certificatesVerifiedOnly?: boolean;
}

export interface SchoolFacts {
  instructorCertifications: { instructorId: number; validFrom: string; validTo: string }[];
  offlineCourses: { classHours: number; taughtFrom: string | null; taughtTo: string | null }[];
  /** The courses of the school's plan, the platform training among them. */
  requiredCourseIds: number[];
  students: { id: number; enrolledOn: string; leftOn: string | null; leftReason: string | null }[];
  completions: { studentId: number; courseId: number }[];
  /** `status` claimed (the default) or verified. */
  certificates: { studentId: number; kind: string; issuedOn: string; status?: string }[];
  practice: { studentId: number; hours: number; practicedOn: string; confirmed: boolean }[];
  registrations: { studentId: number; registeredOn: string; resumeCompleteness: number }[];
  jobApplications: { studentId: number; appliedOn: string }[];
  jobFairs: { heldOn: string }[];
}

export interface YearOfAgreement {
  schoolId: number;
  schoolName?: string;
  regionId?: number;
  agreementId: number;
  tier: string;
  startDate: string;
  /** With it, the last year of a live agreement stays current past its end (awaiting its final review). */
  termYears?: number;
  /** The day an agreement ended early: its last, partial year is measured up to it. */
  endedOn?: string | null;
  year: number;
  /** The day the KPIs are computed on. */
  today: string;
  policy: Thresholds;
  policyId?: number | null;
  facts: SchoolFacts;
}

const minDate = (a: string, b: string) => (a < b ? a : b);

/**
 * One agreement year's counts, as kpi-values-sql.ts makes them: what happened from the year's start up
 * to its as-of day (the year's last counted day, or today in the current year); instructors certified
 * on that day; the students enrolled in the year, up to its end or the day the agreement ended.
 */
export function countKpis(args: YearOfAgreement): KpiValueRow {
  const { policy: p, facts: f, today } = args;
  const { from, to } = agreementYear(args.startDate, args.year);
  const until = args.endedOn && args.endedOn < to ? addDaysTo(args.endedOn, 1) : to;
  const asOf = minDate(addDaysTo(until, -1), today);
  const happened = (d: string) => d >= from && d <= asOf;
  const minHours = p.offlineCourseMinHours ?? tierPolicyDefaults.offlineCourseMinHours;
  const minResume = p.activeResumeCompleteness ?? tierPolicyDefaults.activeResumeCompleteness;
  const minApplications = p.activeMinApplications ?? tierPolicyDefaults.activeMinApplications;

  const instructors = new Set(f.instructorCertifications.filter((c) => c.validFrom <= asOf && asOf <= c.validTo).map((c) => c.instructorId));
  const offline = f.offlineCourses.filter((c) => c.classHours >= minHours && c.taughtFrom !== null && c.taughtFrom <= asOf
    && (c.taughtTo ?? c.taughtFrom) >= from).length;

  const enrolled = new Set(f.students.filter((s) => s.enrolledOn < until && (s.leftOn === null || s.leftOn >= from)).map((s) => s.id));
  let practiceHoursSum = 0;
  for (const r of f.practice) if (r.confirmed && enrolled.has(r.studentId) && happened(r.practicedOn)) practiceHoursSum += r.hours;

  const required = new Set(f.requiredCourseIds);
  const done = new Map<number, Set<number>>();
  for (const c of f.completions) {
    if (!required.has(c.courseId)) continue;
    let s = done.get(c.studentId);
    if (!s) done.set(c.studentId, (s = new Set()));
    s.add(c.courseId);
  }
  const graduates = f.students.filter((s) => s.leftReason === 'graduated' && s.leftOn !== null && happened(s.leftOn));
  const graduatesCompleted = graduates.filter((s) => (done.get(s.id)?.size ?? 0) === required.size).length;

  const with1x = new Set<number>();
  const withOperator = new Set<number>();
  const verified1x = new Set<number>();
  const verifiedOperator = new Set<number>();
  for (const c of f.certificates) {
    if (!happened(c.issuedOn)) continue;
    const verified = c.status === 'verified';
    if (p.certificatesVerifiedOnly && !verified) continue;
    if (c.kind.startsWith('1x_')) with1x.add(c.studentId);
    else if (c.kind === 'operator') withOperator.add(c.studentId);
    if (verified && c.kind.startsWith('1x_')) verified1x.add(c.studentId);
    else if (verified && c.kind === 'operator') verifiedOperator.add(c.studentId);
  }
  const certified = new Set([...with1x, ...withOperator]);
  const sent = new Map<number, number>();
  for (const a of f.jobApplications) if (happened(a.appliedOn)) sent.set(a.studentId, (sent.get(a.studentId) ?? 0) + 1);
  const active = [...certified].filter((id) => f.registrations.some((r) => r.studentId === id && r.registeredOn <= asOf
    && r.resumeCompleteness >= minResume) && (sent.get(id) ?? 0) >= minApplications).length;

  const live = today < to || (args.termYears !== undefined && args.year === args.termYears);
  return {
    agreementId: args.agreementId, year: args.year, schoolId: args.schoolId, regionId: args.regionId ?? 0, tier: args.tier,
    fromDate: from, toDate: to, asOf, point: asOf, isCurrent: !args.endedOn && from <= today && live, policyId: args.policyId ?? null,
    certifiedInstructors: instructors.size, offlineCourses: offline, enrolledStudents: enrolled.size, practiceHoursSum,
    graduates: graduates.length, graduatesCompleted, certificates1x: with1x.size, certificatesOperator: withOperator.size,
    certificates1xVerified: verified1x.size, certificatesOperatorVerified: verifiedOperator.size,
    certifiedStudents: certified.size, activeCertified: active, jobFairs: f.jobFairs.filter((j) => happened(j.heldOn)).length,
  };
}

/** One agreement year's compliance record, as the server builds it from the same counts (toSummary). */
export function computeCompliance(args: YearOfAgreement): ComplianceRecord {
  return { ...toSummary(countKpis(args), args.policy, args.today).record, schoolName: args.schoolName ?? '' };
}

/** The KPIs of a compliance row that fail. */
export const failingKpis = (row: ComplianceRecord): KpiName[] => row.failingKpis;
