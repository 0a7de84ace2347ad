import { sql } from 'drizzle-orm';
import { pgTable, serial, text, integer, boolean, timestamp, date, check, index, primaryKey } from 'drizzle-orm/pg-core';
import { schools } from './schools.js';
import { courseKinds, sqlList } from './enums.js';

/**
 * The official catalogue (deck section 4.4: textbooks, online courses, the platform training; schoolId
 * null) and the schools' own offline CBEC B2B courses (schoolId set, with the dates they were taught).
 */
export const courses = pgTable('courses', {
  id: serial().primaryKey(),
  schoolId: integer().references(() => schools.id),
  kind: text().notNull(),
  code: text(),
  title: text().notNull(),
  level: text(),
  chapters: integer(),
  classHours: integer().notNull(),
  practiceHours: integer(),
  onlineHours: integer(),
  term: text(),
  taughtFrom: date({ mode: 'string' }),
  taughtTo: date({ mode: 'string' }),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  check('courses_kind', sql.raw(`kind IN (${sqlList(courseKinds)})`)),
  check('courses_offline_is_the_schools', sql`(${t.kind} = 'offline') = (${t.schoolId} IS NOT NULL)`),
  check('courses_hours', sql`${t.classHours} > 0`),
  check('courses_taught_range', sql`${t.taughtTo} IS NULL OR ${t.taughtFrom} IS NULL OR ${t.taughtTo} >= ${t.taughtFrom}`),
  index('courses_school_idx').on(t.schoolId),
]);

/** The courses a school's plan requires its students to complete (teaching delivery KPI). */
export const schoolRequiredCourses = pgTable('school_required_courses', {
  schoolId: integer().notNull().references(() => schools.id, { onDelete: 'cascade' }),
  courseId: integer().notNull().references(() => courses.id),
  required: boolean().notNull().default(true),
}, (t) => [primaryKey({ columns: [t.schoolId, t.courseId] })]);
