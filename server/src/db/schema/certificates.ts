import { sql } from 'drizzle-orm';
import { pgTable, serial, text, integer, timestamp, date, check, index } from 'drizzle-orm/pg-core';
import { schools } from './schools.js';
import { students } from './students.js';
import { certificateKinds, sqlList } from './enums.js';

export const certificates = pgTable('certificates', {
  id: serial().primaryKey(),
  studentId: integer().notNull().references(() => students.id, { onDelete: 'cascade' }),
  schoolId: integer().notNull().references(() => schools.id),
  kind: text().notNull(),
  certNo: text(),
  issuedOn: date({ mode: 'string' }).notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  check('certificates_kind', sql.raw(`kind IN (${sqlList(certificateKinds)})`)),
  index('certificates_school_issued_idx').on(t.schoolId, t.issuedOn, t.id),
  index('certificates_issued_idx').on(t.issuedOn, t.id),
  // The other sorts the list's screen offers, across all schools and within one (issue 15; list-plans.test.ts).
  index('certificates_kind_idx').on(t.kind, t.id),
  index('certificates_school_kind_idx').on(t.schoolId, t.kind, t.id),
  index('certificates_school_student_idx').on(t.schoolId, t.studentId, t.id),
  index('certificates_student_idx').on(t.studentId),
]);
