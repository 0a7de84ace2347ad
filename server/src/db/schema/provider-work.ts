import { sql } from 'drizzle-orm';
import { pgTable, serial, text, integer, timestamp, date, numeric, check, index } from 'drizzle-orm/pg-core';
import { schools } from './schools.js';
import { providers } from './providers.js';
import { users } from './users.js';
import { contentProposalStates, feedbackStates, providerReportStates, sqlList } from './enums.js';

export const providerReports = pgTable('provider_reports', {
  id: serial().primaryKey(),
  providerId: integer().notNull().references(() => providers.id),
  schoolId: integer().notNull().references(() => schools.id),
  project: text().notNull(),
  periodFrom: date({ mode: 'string' }).notNull(),
  periodTo: date({ mode: 'string' }).notNull(),
  studentCount: integer().notNull(),
  totalHours: numeric({ precision: 10, scale: 2, mode: 'number' }).notNull(),
  outcomes: text().notNull().default(''),
  status: text().notNull().default('submitted'),
  version: integer().notNull().default(1),
  reviewComment: text(),
  submittedBy: integer().references(() => users.id),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  check('provider_reports_status', sql.raw(`status IN (${sqlList(providerReportStates)})`)),
  check('provider_reports_period', sql`${t.periodTo} >= ${t.periodFrom}`),
  check('provider_reports_counts', sql`${t.studentCount} >= 0 AND ${t.totalHours} >= 0`),
  index('provider_reports_school_idx').on(t.schoolId, t.status),
  index('provider_reports_provider_idx').on(t.providerId),
]);

export const contentProposals = pgTable('content_proposals', {
  id: serial().primaryKey(),
  providerId: integer().notNull().references(() => providers.id),
  schoolId: integer().references(() => schools.id),
  title: text().notNull(),
  description: text().notNull().default(''),
  classHours: integer(),
  status: text().notNull().default('pending'),
  version: integer().notNull().default(1),
  decisionReason: text(),
  decidedBy: integer().references(() => users.id),
  decidedAt: timestamp({ withTimezone: true }),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  check('content_proposals_status', sql.raw(`status IN (${sqlList(contentProposalStates)})`)),
  index('content_proposals_provider_idx').on(t.providerId, t.status),
]);

/** A school's feedback about its service provider, handled by HQ. */
export const feedback = pgTable('feedback', {
  id: serial().primaryKey(),
  schoolId: integer().notNull().references(() => schools.id),
  providerId: integer().references(() => providers.id),
  subject: text().notNull(),
  body: text().notNull(),
  status: text().notNull().default('open'),
  version: integer().notNull().default(1),
  reply: text(),
  repliedBy: integer().references(() => users.id),
  repliedAt: timestamp({ withTimezone: true }),
  createdBy: integer().references(() => users.id),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  check('feedback_status', sql.raw(`status IN (${sqlList(feedbackStates)})`)),
  index('feedback_school_idx').on(t.schoolId, t.status),
  index('feedback_provider_idx').on(t.providerId),
]);
