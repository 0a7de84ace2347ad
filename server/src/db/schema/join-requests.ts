import { sql } from 'drizzle-orm';
import { pgTable, serial, text, integer, timestamp, check, index, uniqueIndex } from 'drizzle-orm/pg-core';
import { schools } from './schools.js';
import { users } from './users.js';
import { joinRequestStates, tiers, sqlList } from './enums.js';

/**
 * A school's request to join, from the public join page (modules/join-requests). `unconfirmed` until
 * the requester follows the e-mailed link (`pending`), or its link expires (`expired`); then the
 * region's staff or HQ decide: `accepted` (the school is created or linked, `schoolId`, and its
 * administrator invited, `invitedUserId`) or `declined` (with the reason mailed). The confirmation
 * token is kept only as its SHA-256; `requesterAddress` is for abuse checks and is never shown.
 */
export const joinRequests = pgTable('join_requests', {
  id: serial().primaryKey(),
  schoolName: text().notNull(),
  province: text().notNull(),
  kind: text().notNull(),
  contactName: text().notNull(),
  email: text().notNull(),
  /** The e-mail's domain, for the daily limit per domain. */
  emailDomain: text().notNull(),
  phone: text().notNull(),
  tier: text().notNull(),
  /** The language the requester used: their mails are in it. */
  locale: text().notNull().default('zh'),
  status: text().notNull().default('unconfirmed'),
  version: integer().notNull().default(1),
  confirmTokenHash: text().notNull(),
  confirmExpiresAt: timestamp({ withTimezone: true }).notNull(),
  confirmedAt: timestamp({ withTimezone: true }),
  declineReason: text(),
  decidedBy: integer().references(() => users.id),
  decidedAt: timestamp({ withTimezone: true }),
  schoolId: integer().references(() => schools.id),
  invitedUserId: integer().references(() => users.id),
  requesterAddress: text().notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  check('join_requests_status', sql.raw(`status IN (${sqlList(joinRequestStates)})`)),
  check('join_requests_tier', sql.raw(`tier IN (${sqlList(tiers)})`)),
  check('join_requests_kind', sql.raw(`kind IN ('university', 'vocational')`)),
  check('join_requests_email_lower', sql`${t.email} = lower(${t.email})`),
  check('join_requests_decline_reason', sql`${t.status} <> 'declined' OR ${t.declineReason} IS NOT NULL`),
  check('join_requests_accepted_school', sql`${t.status} <> 'accepted' OR ${t.schoolId} IS NOT NULL`),
  uniqueIndex('join_requests_token_idx').on(t.confirmTokenHash),
  index('join_requests_domain_idx').on(t.emailDomain, t.createdAt),
  index('join_requests_status_idx').on(t.status, t.createdAt),
]);
