import { sql } from 'drizzle-orm';
import { pgTable, serial, text, integer, timestamp, date, check, index, unique } from 'drizzle-orm/pg-core';
import { schools } from './schools.js';
import { courses } from './courses.js';
import { leftReasons, sqlList } from './enums.js';

export const students = pgTable('students', {
  id: serial().primaryKey(),
  schoolId: integer().notNull().references(() => schools.id),
  studentNo: text().notNull(),
  name: text().notNull(),
  cohortYear: integer().notNull(),
  enrolledOn: date({ mode: 'string' }).notNull(),
  leftOn: date({ mode: 'string' }),
  leftReason: text(),
  major: text(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  unique('students_school_student_no').on(t.schoolId, t.studentNo),
  check('students_left_reason', sql.raw(`left_reason IS NULL OR left_reason IN (${sqlList(leftReasons)})`)),
  check('students_left_pair', sql`(${t.leftOn} IS NULL) = (${t.leftReason} IS NULL)`),
  check('students_left_after_enrolled', sql`${t.leftOn} IS NULL OR ${t.leftOn} >= ${t.enrolledOn}`),
  check('students_cohort', sql`${t.cohortYear} BETWEEN 1990 AND 2100`),
  index('students_school_cohort_idx').on(t.schoolId, t.cohortYear),
  index('students_school_enrolled_idx').on(t.schoolId, t.enrolledOn, t.leftOn),
  // Lists (issue 15): an index per offered sort, with the id that breaks ties, across all schools and
  // within one school, so that a first page is read from the index without sorting the list.
  index('students_name_idx').on(t.name, t.id),
  index('students_student_no_idx').on(t.studentNo, t.id),
  index('students_school_name_idx').on(t.schoolId, t.name, t.id),
  // The other sorts the list's screen offers, across all schools and within one (issue 15; list-plans.test.ts).
  index('students_cohort_idx').on(t.cohortYear, t.id),
  index('students_enrolled_idx').on(t.enrolledOn, t.id),
  index('students_left_idx').on(t.leftOn, t.id),
  index('students_school_left_idx').on(t.schoolId, t.leftOn, t.id),
  // Trigram indexes (pg_trgm) for the q search (ILIKE '%…%') across all schools.
  index('students_name_trgm_idx').using('gin', t.name.op('gin_trgm_ops')),
  index('students_student_no_trgm_idx').using('gin', t.studentNo.op('gin_trgm_ops')),
]);

export const courseCompletions = pgTable('course_completions', {
  id: serial().primaryKey(),
  studentId: integer().notNull().references(() => students.id, { onDelete: 'cascade' }),
  schoolId: integer().notNull().references(() => schools.id),
  courseId: integer().notNull().references(() => courses.id),
  completedOn: date({ mode: 'string' }).notNull(),
}, (t) => [
  unique('course_completions_student_course').on(t.studentId, t.courseId),
  index('course_completions_school_idx').on(t.schoolId, t.completedOn, t.id),
  index('course_completions_completed_idx').on(t.completedOn, t.id),
]);
