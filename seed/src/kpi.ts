import { agreementYear, addDaysTo, daysBetween } from './lib/dates.js';

/**
 * The KPI definitions of DOMAIN.md over in-memory facts. The server's KPI engine is the product's
 * reference; this copy exists so that the demo seed can freeze evaluation snapshots of the data it
 * generates, and so that its test can prove each demo school passes or fails what it is meant to.
 * `met` is judged on the value; for the current year the flows (offline courses, certificates, job
 * fairs) also carry their year-end projection at the pace so far, once 60 days have passed.
 */

export const KPI_NAMES = [
  'certifiedInstructors', 'teachingDelivery', 'offlineCourses', 'practiceHours',
  'certificates1x', 'certificatesOperator', 'jobPlatformRate', 'jobFairs',
] as const;
export type KpiName = (typeof KPI_NAMES)[number];

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
}

export interface SchoolFacts {
  instructorCertifications: { instructorId: number; validFrom: string; validTo: string }[];
  offlineCourses: { classHours: number; taughtFrom: string | null; taughtTo: string | null }[];
  /** The courses of the school's plan, the platform training among them. */
  requiredCourseIds: number[];
  students: { id: number; enrolledOn: string; leftOn: string | null; leftReason: string | null }[];
  completions: { studentId: number; courseId: number }[];
  certificates: { studentId: number; kind: string; issuedOn: string }[];
  practice: { studentId: number; hours: number; practicedOn: string; confirmed: boolean }[];
  registrations: { studentId: number; resumeCompleteness: number }[];
  jobApplications: { studentId: number; appliedOn: string }[];
  jobFairs: { heldOn: string }[];
}

export interface KpiValue { value: number | null; threshold: number | null; met: boolean | null; projected?: number }
export interface ComplianceRow {
  id: string;
  schoolId: number;
  agreementId: number;
  tier: string;
  year: number;
  from: string;
  to: string;
  current: boolean;
  compliant: boolean;
  kpis: Record<KpiName, KpiValue>;
}

const inYear = (d: string, from: string, to: string) => d >= from && d < to;
const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

export function computeCompliance(args: {
  schoolId: number; agreementId: number; tier: string; startDate: string; year: number; today: string;
  policy: Thresholds; facts: SchoolFacts;
}): ComplianceRow {
  const { policy: p, facts: f, today } = args;
  const { from, to } = agreementYear(args.startDate, args.year);
  const current = from <= today && today < to;
  const lastDay = current ? today : addDaysTo(to, -1);
  const elapsed = daysBetween(from, today) + 1;
  const pace = current && elapsed >= 60 ? daysBetween(from, to) / elapsed : null;

  const certified = new Set(f.instructorCertifications.filter((c) => c.validFrom <= lastDay && lastDay <= c.validTo).map((c) => c.instructorId));

  const required = new Set(f.requiredCourseIds);
  const done = new Map<number, Set<number>>();
  for (const c of f.completions) {
    if (!required.has(c.courseId)) continue;
    let s = done.get(c.studentId);
    if (!s) done.set(c.studentId, (s = new Set()));
    s.add(c.courseId);
  }
  const graduates = f.students.filter((s) => s.leftReason === 'graduated' && s.leftOn !== null && inYear(s.leftOn, from, to));
  const delivered = graduates.filter((s) => (done.get(s.id)?.size ?? 0) === required.size).length;

  const offline = f.offlineCourses.filter((c) => c.classHours >= p.offlineCourseMinHours && c.taughtFrom !== null
    && c.taughtFrom < to && (c.taughtTo === null || c.taughtTo >= from)).length;

  const enrolled = new Set(f.students.filter((s) => s.enrolledOn < to && (s.leftOn === null || s.leftOn >= from)).map((s) => s.id));
  let hours = 0;
  for (const r of f.practice) if (r.confirmed && enrolled.has(r.studentId) && inYear(r.practicedOn, from, to)) hours += r.hours;

  const with1x = new Set<number>();
  const withOperator = new Set<number>();
  for (const c of f.certificates) {
    if (!inYear(c.issuedOn, from, to)) continue;
    if (c.kind.startsWith('1x_')) with1x.add(c.studentId);
    else if (c.kind === 'operator') withOperator.add(c.studentId);
  }
  const certifiedStudents = new Set([...with1x, ...withOperator]);
  const resume = new Map(f.registrations.map((r) => [r.studentId, r.resumeCompleteness]));
  const sent = new Map<number, number>();
  for (const a of f.jobApplications) if (inYear(a.appliedOn, from, to)) sent.set(a.studentId, (sent.get(a.studentId) ?? 0) + 1);
  const active = [...certifiedStudents].filter((id) => (resume.get(id) ?? -1) >= p.activeResumeCompleteness && (sent.get(id) ?? 0) >= Math.max(1, p.activeMinApplications)).length;

  const fairs = f.jobFairs.filter((j) => inYear(j.heldOn, from, to)).length;

  /** Judged on the exact value; shown rounded to `digits` when given. */
  const atLeast = (exact: number | null, threshold: number | null, projectable: boolean, digits?: number): KpiValue => {
    const value = exact !== null && digits !== undefined ? round(exact, digits) : exact;
    const projected = projectable && pace !== null && exact !== null ? round(exact * pace, 2) : undefined;
    // A ratio such as 19/20 must meet 0.95 despite binary floating point.
    const met = threshold === null ? null : exact === null ? true : exact + 1e-9 >= threshold;
    return projected === undefined ? { value, threshold, met } : { value, threshold, met, projected };
  };
  const kpis: Record<KpiName, KpiValue> = {
    certifiedInstructors: atLeast(certified.size, p.certifiedInstructors, false),
    teachingDelivery: atLeast(graduates.length ? delivered / graduates.length : null, p.teachingDelivery, false, 4),
    offlineCourses: atLeast(offline, p.offlineCourses, true),
    practiceHours: atLeast(enrolled.size ? hours / enrolled.size : 0, p.practiceHours, false, 2),
    certificates1x: atLeast(with1x.size, p.certificates1x, true),
    certificatesOperator: atLeast(withOperator.size, p.certificatesOperator, true),
    jobPlatformRate: atLeast(certifiedStudents.size ? active / certifiedStudents.size : null, p.jobPlatformRate, false, 4),
    jobFairs: atLeast(fairs, p.jobFairs, true),
  };
  // The certificate KPI is met when either count meets its threshold.
  if (p.certificates1x !== null || p.certificatesOperator !== null) {
    const either = kpis.certificates1x.met === true || kpis.certificatesOperator.met === true;
    if (p.certificates1x !== null) kpis.certificates1x.met = either;
    if (p.certificatesOperator !== null) kpis.certificatesOperator.met = either;
  }
  const compliant = Object.values(kpis).every((k) => k.met !== false);
  return {
    id: `${args.agreementId}-${args.year}`, schoolId: args.schoolId, agreementId: args.agreementId, tier: args.tier,
    year: args.year, from, to, current, compliant, kpis,
  };
}

/** The KPIs of a compliance row that fail. */
export const failingKpis = (row: ComplianceRow): KpiName[] => KPI_NAMES.filter((k) => row.kpis[k].met === false);
