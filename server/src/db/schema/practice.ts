import { sql } from 'drizzle-orm';
import { pgTable, serial, text, integer, boolean, timestamp, date, numeric, check, index } from 'drizzle-orm/pg-core';
import { schools } from './schools.js';
import { students } from './students.js';
import { providers } from './providers.js';

/** Real-project practice hours; only hours the school has confirmed count towards the KPI. */
export const practiceRecords = pgTable('practice_records', {
  id: serial().primaryKey(),
  studentId: integer().notNull().references(() => students.id, { onDelete: 'cascade' }),
  schoolId: integer().notNull().references(() => schools.id),
  providerId: integer().references(() => providers.id),
  providerReportId: integer(),
  project: text().notNull(),
  hours: numeric({ precision: 7, scale: 2, mode: 'number' }).notNull(),
  practicedOn: date({ mode: 'string' }).notNull(),
  confirmed: boolean().notNull().default(false),
  confirmedAt: timestamp({ withTimezone: true }),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  check('practice_hours_range', sql`${t.hours} > 0 AND ${t.hours} <= 2000`),
  index('practice_records_school_date_idx').on(t.schoolId, t.practicedOn, t.id),
  index('practice_records_date_idx').on(t.practicedOn, t.id),
  // The other sorts the list's screen offers, across all schools and within one (issue 15; list-plans.test.ts).
  index('practice_records_project_idx').on(t.project, t.id),
  index('practice_records_hours_idx').on(t.hours, t.id),
  index('practice_records_confirmed_idx').on(t.confirmed, t.id),
  index('practice_records_school_project_idx').on(t.schoolId, t.project, t.id),
  index('practice_records_school_hours_idx').on(t.schoolId, t.hours, t.id),
  index('practice_records_school_confirmed_idx').on(t.schoolId, t.confirmed, t.id),
  index('practice_records_student_idx').on(t.studentId),
]);
