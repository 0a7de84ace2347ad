import { sql } from 'drizzle-orm';
import { pgTable, serial, text, integer, timestamp, date, check, index, unique } from 'drizzle-orm/pg-core';
import { schools } from './schools.js';
import { instructorCertificationLevels, sqlList } from './enums.js';

export const instructors = pgTable('instructors', {
  id: serial().primaryKey(),
  schoolId: integer().notNull().references(() => schools.id),
  name: text().notNull(),
  staffNo: text(),
  email: text(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('instructors_school_idx').on(t.schoolId), unique('instructors_school_staff_no').on(t.schoolId, t.staffNo)]);

/** A 1+X instructor certification (the KPI counts instructors with one valid on the year's last day). */
export const instructorCertifications = pgTable('instructor_certifications', {
  id: serial().primaryKey(),
  instructorId: integer().notNull().references(() => instructors.id, { onDelete: 'cascade' }),
  schoolId: integer().notNull().references(() => schools.id),
  certNo: text().notNull(),
  level: text().notNull().default('junior'),
  validFrom: date({ mode: 'string' }).notNull(),
  validTo: date({ mode: 'string' }).notNull(),
}, (t) => [
  unique('instructor_certifications_no').on(t.certNo),
  check('instructor_cert_level', sql.raw(`level IN (${sqlList(instructorCertificationLevels)})`)),
  check('instructor_cert_range', sql`${t.validTo} >= ${t.validFrom}`),
  index('instructor_certifications_school_idx').on(t.schoolId, t.validFrom, t.validTo),
  index('instructor_certifications_instructor_idx').on(t.instructorId),
]);
