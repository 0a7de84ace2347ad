import { sql } from 'drizzle-orm';
import { pgTable, serial, text, integer, timestamp, date, jsonb, check, unique, index } from 'drizzle-orm/pg-core';
import { agreements } from './agreements.js';
import { users } from './users.js';
import { evaluationDecisions, evaluationStates, sqlList } from './enums.js';

export const evaluations = pgTable('evaluations', {
  id: serial().primaryKey(),
  agreementId: integer().notNull().references(() => agreements.id),
  schoolId: integer().notNull(),
  year: integer().notNull(),
  kind: text().notNull().default('annual'),
  status: text().notNull().default('open'),
  version: integer().notNull().default(1),
  /** The compliance row frozen when the evaluation was opened (or last refreshed). */
  snapshot: jsonb().notNull(),
  snapshotAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  decision: text(),
  reason: text(),
  deadline: date({ mode: 'string' }),
  failingKpis: text().array(),
  notice: text(),
  openedBy: integer().references(() => users.id),
  decidedBy: integer().references(() => users.id),
  decidedAt: timestamp({ withTimezone: true }),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  unique('evaluations_agreement_year').on(t.agreementId, t.year),
  check('evaluations_status', sql.raw(`status IN (${sqlList(evaluationStates)})`)),
  check('evaluations_kind', sql.raw(`kind IN ('annual', 'final')`)),
  check('evaluations_decision', sql.raw(`decision IS NULL OR decision IN (${sqlList(evaluationDecisions)})`)),
  check('evaluations_decided', sql`(${t.status} = 'decided') = (${t.decision} IS NOT NULL)`),
  check('evaluations_year', sql`${t.year} >= 1`),
  index('evaluations_school_idx').on(t.schoolId),
]);

/** A long-running bulk action (opening a year's evaluations), its progress shared by every server process. */
export const bulkJobs = pgTable('bulk_jobs', {
  id: serial().primaryKey(),
  kind: text().notNull(),
  status: text().notNull().default('running'),
  total: integer().notNull().default(0),
  done: integer().notNull().default(0),
  result: jsonb(),
  error: text(),
  createdBy: integer().references(() => users.id),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  finishedAt: timestamp({ withTimezone: true }),
  /** Written with every batch: a running job whose heartbeat stopped belongs to a process that died. */
  heartbeatAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
}, (t) => [check('bulk_jobs_status', sql.raw(`status IN ('running', 'done', 'failed')`)), index('bulk_jobs_kind_idx').on(t.kind, t.createdAt)]);
