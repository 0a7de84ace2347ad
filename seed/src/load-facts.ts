import { and, eq } from 'drizzle-orm';
import type { Executor } from '@campus/server/db/client.js';
import * as s from '@campus/server/db/schema/index.js';
import type { SchoolFacts } from './kpi.js';

/** A school's recorded facts, read back from the database in the shape kpi.ts takes. */
export async function loadSchoolFacts(db: Executor, schoolId: number): Promise<SchoolFacts> {
  const instructorCertifications = await db.select({
    instructorId: s.instructorCertifications.instructorId, validFrom: s.instructorCertifications.validFrom, validTo: s.instructorCertifications.validTo,
  }).from(s.instructorCertifications).where(eq(s.instructorCertifications.schoolId, schoolId));
  const offlineCourses = await db.select({ classHours: s.courses.classHours, taughtFrom: s.courses.taughtFrom, taughtTo: s.courses.taughtTo })
    .from(s.courses).where(and(eq(s.courses.schoolId, schoolId), eq(s.courses.kind, 'offline')));
  const required = await db.select({ courseId: s.schoolRequiredCourses.courseId }).from(s.schoolRequiredCourses)
    .where(and(eq(s.schoolRequiredCourses.schoolId, schoolId), eq(s.schoolRequiredCourses.required, true)));
  const students = await db.select({ id: s.students.id, enrolledOn: s.students.enrolledOn, leftOn: s.students.leftOn, leftReason: s.students.leftReason })
    .from(s.students).where(eq(s.students.schoolId, schoolId));
  const completions = await db.select({ studentId: s.courseCompletions.studentId, courseId: s.courseCompletions.courseId })
    .from(s.courseCompletions).where(eq(s.courseCompletions.schoolId, schoolId));
  const certificates = await db.select({ studentId: s.certificates.studentId, kind: s.certificates.kind, issuedOn: s.certificates.issuedOn, status: s.certificates.status })
    .from(s.certificates).where(eq(s.certificates.schoolId, schoolId));
  const practice = await db.select({
    studentId: s.practiceRecords.studentId, hours: s.practiceRecords.hours, practicedOn: s.practiceRecords.practicedOn, confirmed: s.practiceRecords.confirmed,
  }).from(s.practiceRecords).where(eq(s.practiceRecords.schoolId, schoolId));
  const registrations = await db.select({
    studentId: s.jobRegistrations.studentId, registeredOn: s.jobRegistrations.registeredOn, resumeCompleteness: s.jobRegistrations.resumeCompleteness,
  })
    .from(s.jobRegistrations).where(eq(s.jobRegistrations.schoolId, schoolId));
  const jobApplications = await db.select({ studentId: s.jobApplications.studentId, appliedOn: s.jobApplications.appliedOn })
    .from(s.jobApplications).where(eq(s.jobApplications.schoolId, schoolId));
  const jobFairs = await db.select({ heldOn: s.jobFairs.heldOn }).from(s.jobFairs).where(eq(s.jobFairs.schoolId, schoolId));
  return {
    instructorCertifications, offlineCourses, requiredCourseIds: required.map((r) => r.courseId), students, completions, certificates,
    practice, registrations, jobApplications, jobFairs,
  };
}
