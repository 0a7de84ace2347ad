import { sql } from 'drizzle-orm';
import { pgTable, serial, text, integer, boolean, timestamp, jsonb, check, index, uniqueIndex } from 'drizzle-orm/pg-core';
import { schools } from './schools.js';
import { users } from './users.js';
import { applicationStates, planItemKinds, tiers, sqlList } from './enums.js';
import { inFlightApplicationStates } from '@campus/common/state-sets';

export const applications = pgTable('applications', {
  id: serial().primaryKey(),
  schoolId: integer().notNull().references(() => schools.id),
  tier: text().notNull(),
  status: text().notNull().default('draft'),
  version: integer().notNull().default(1),
  /** Qualifications and free-text parts of the plan; the items that can need support are plan items. */
  plan: jsonb().notNull().default({}),
  pledge: boolean().notNull().default(false),
  /** Reviewer comments keyed by field, shown to the school next to the field on a returned application. */
  reviewComments: jsonb().notNull().default({}),
  upgradeFromAgreementId: integer(),
  createdBy: integer().references(() => users.id),
  submittedAt: timestamp({ withTimezone: true }),
  decidedAt: timestamp({ withTimezone: true }),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  check('applications_tier', sql.raw(`tier IN (${sqlList(tiers)})`)),
  check('applications_status', sql.raw(`status IN (${sqlList(applicationStates)})`)),
  check('applications_version', sql`${t.version} >= 1`),
  index('applications_school_idx').on(t.schoolId),
  index('applications_status_idx').on(t.status, t.submittedAt),
  // At most one application in flight per school.
  uniqueIndex('applications_one_in_flight').on(t.schoolId)
    .where(sql.raw(`status IN (${sqlList(inFlightApplicationStates)})`)),
]);

export const applicationPlanItems = pgTable('application_plan_items', {
  id: serial().primaryKey(),
  applicationId: integer().notNull().references(() => applications.id, { onDelete: 'cascade' }),
  kind: text().notNull(),
  title: text().notNull(),
  details: jsonb().notNull().default({}),
  needsPlatformSupport: boolean().notNull().default(false),
  /** null: not yet decided; HQ must approve every item that needs platform support before hq_approve. */
  approved: boolean(),
  approvedBy: integer().references(() => users.id),
  position: integer().notNull().default(0),
}, (t) => [
  check('plan_items_kind', sql.raw(`kind IN (${sqlList(planItemKinds)})`)),
  index('plan_items_application_idx').on(t.applicationId),
]);
