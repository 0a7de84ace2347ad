import { sql } from 'drizzle-orm';
import { pgTable, serial, text, integer, timestamp, date, numeric, check, index, unique } from 'drizzle-orm/pg-core';
import { schools } from './schools.js';
import { students } from './students.js';

/** A student's registration on the designated job platform, with the last reported resume completeness. */
export const jobRegistrations = pgTable('job_registrations', {
  id: serial().primaryKey(),
  studentId: integer().notNull().references(() => students.id, { onDelete: 'cascade' }),
  schoolId: integer().notNull().references(() => schools.id),
  registeredOn: date({ mode: 'string' }).notNull(),
  platformAccount: text(),
  resumeCompleteness: numeric({ precision: 5, scale: 2, mode: 'number' }).notNull().default(0),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  unique('job_registrations_student').on(t.studentId),
  check('job_registrations_resume', sql`${t.resumeCompleteness} BETWEEN 0 AND 100`),
  index('job_registrations_school_idx').on(t.schoolId, t.registeredOn, t.id),
  index('job_registrations_registered_idx').on(t.registeredOn, t.id),
  // The other sorts the list's screen offers, across all schools and within one (issue 15; list-plans.test.ts).
  index('job_registrations_resume_idx').on(t.resumeCompleteness, t.id),
  index('job_registrations_school_resume_idx').on(t.schoolId, t.resumeCompleteness, t.id),
]);

/** One job application a registered student sent on the platform. */
export const jobApplications = pgTable('job_applications', {
  id: serial().primaryKey(),
  registrationId: integer().notNull().references(() => jobRegistrations.id, { onDelete: 'cascade' }),
  studentId: integer().notNull().references(() => students.id, { onDelete: 'cascade' }),
  schoolId: integer().notNull().references(() => schools.id),
  appliedOn: date({ mode: 'string' }).notNull(),
  employer: text(),
}, (t) => [
  index('job_applications_student_date_idx').on(t.studentId, t.appliedOn),
  index('job_applications_school_idx').on(t.schoolId, t.appliedOn),
  // A registration's applications (the job-registration list's applicationDates, each row of a page):
  // without it every row of a page read all applications (5 s a page at full scale, issue 15).
  index('job_applications_registration_idx').on(t.registrationId, t.appliedOn),
]);

export const jobFairs = pgTable('job_fairs', {
  id: serial().primaryKey(),
  schoolId: integer().notNull().references(() => schools.id),
  title: text().notNull(),
  heldOn: date({ mode: 'string' }).notNull(),
  employers: integer().notNull().default(0),
  attendance: integer().notNull().default(0),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  check('job_fairs_counts', sql`${t.employers} >= 0 AND ${t.attendance} >= 0`),
  index('job_fairs_school_date_idx').on(t.schoolId, t.heldOn),
]);
