import { sql } from 'drizzle-orm';
import { pgTable, serial, text, integer, timestamp, date, jsonb, check, index, uniqueIndex } from 'drizzle-orm/pg-core';
import { schools } from './schools.js';
import { applications } from './applications.js';
import { agreementStates, tiers, sqlList } from './enums.js';
import { liveAgreementStates } from '@campus/common/state-sets';

export const agreements = pgTable('agreements', {
  id: serial().primaryKey(),
  schoolId: integer().notNull().references(() => schools.id),
  applicationId: integer().references(() => applications.id),
  previousAgreementId: integer(),
  tier: text().notNull(),
  status: text().notNull(),
  version: integer().notNull().default(1),
  /** The day the agreement became active: agreement year N is [start + (N-1) years, start + N years). */
  startDate: date({ mode: 'string' }),
  termYears: integer().notNull(),
  signedOn: date({ mode: 'string' }),
  plaqueOn: date({ mode: 'string' }),
  plaquePlace: text(),
  inspectionPassedOn: date({ mode: 'string' }),
  /** Failed inspections: [{ on, missing: string[], comment }] */
  inspectionFindings: jsonb().notNull().default([]),
  rectificationNotice: text(),
  rectificationDeadline: date({ mode: 'string' }),
  rectificationKpis: text().array(),
  endedOn: date({ mode: 'string' }),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  check('agreements_tier', sql.raw(`tier IN (${sqlList(tiers)})`)),
  check('agreements_status', sql.raw(`status IN (${sqlList(agreementStates)})`)),
  check('agreements_term', sql`${t.termYears} BETWEEN 1 AND 10`),
  check('agreements_active_has_start', sql`${t.status} IN ('pending_signing','pending_plaque','pending_inspection') OR ${t.startDate} IS NOT NULL`),
  index('agreements_school_idx').on(t.schoolId),
  index('agreements_status_idx').on(t.status),
  // A school has at most one live partnership (an upgrade's new agreement supersedes the old on activation).
  uniqueIndex('agreements_one_live').on(t.schoolId).where(sql.raw(`status IN (${sqlList(liveAgreementStates)})`)),
]);
