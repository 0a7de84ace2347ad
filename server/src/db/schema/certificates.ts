import { sql } from 'drizzle-orm';
import { pgTable, serial, text, integer, timestamp, date, check, index, uniqueIndex } from 'drizzle-orm/pg-core';
import { schools } from './schools.js';
import { students } from './students.js';
import { users } from './users.js';
import { certificateKinds, certificateStatuses, sqlList } from './enums.js';

export const certificates = pgTable('certificates', {
  id: serial().primaryKey(),
  studentId: integer().notNull().references(() => students.id, { onDelete: 'cascade' }),
  schoolId: integer().notNull().references(() => schools.id),
  kind: text().notNull(),
  certNo: text(),
  issuedOn: date({ mode: 'string' }).notNull(),
  /**
   * `claimed` as a school entered it, `verified` once matched to a certificate an exam session issued (by its number)
   * or confirmed by HQ (`verifiedBy`); a certificate an exam session issues is verified from the start (issue 18).
   */
  status: text().notNull().default('claimed'),
  verifiedAt: timestamp({ withTimezone: true }),
  verifiedBy: integer().references(() => users.id),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  check('certificates_kind', sql.raw(`kind IN (${sqlList(certificateKinds)})`)),
  check('certificates_status', sql.raw(`status IN (${sqlList(certificateStatuses)})`)),
  check('certificates_verified_at', sql`(${t.status} = 'verified') = (${t.verifiedAt} IS NOT NULL)`),
  // A certificate number is unique across all schools and years among the verified; a claim may repeat one (the
  // reconciliation lists it for HQ), and is matched by it.
  uniqueIndex('certificates_verified_cert_no_idx').on(t.certNo).where(sql`${t.status} = 'verified'`),
  index('certificates_cert_no_idx').on(t.certNo),
  index('certificates_school_issued_idx').on(t.schoolId, t.issuedOn, t.id),
  index('certificates_issued_idx').on(t.issuedOn, t.id),
  // The other sorts the list's screen offers, across all schools and within one (issue 15; list-plans.test.ts).
  index('certificates_kind_idx').on(t.kind, t.id),
  index('certificates_school_kind_idx').on(t.schoolId, t.kind, t.id),
  index('certificates_school_student_idx').on(t.schoolId, t.studentId, t.id),
  index('certificates_student_idx').on(t.studentId),
]);
