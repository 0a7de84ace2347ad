import { sql } from 'drizzle-orm';
import { pgTable, serial, text, integer, timestamp, boolean, check, primaryKey, index } from 'drizzle-orm/pg-core';
import { regions } from './regions.js';
import { schools } from './schools.js';
import { providers } from './providers.js';
import { roles, sqlList } from './enums.js';

export const users = pgTable('users', {
  id: serial().primaryKey(),
  email: text().notNull().unique(),
  name: text().notNull(),
  role: text().notNull(),
  passwordHash: text().notNull(),
  schoolId: integer().references(() => schools.id),
  providerId: integer().references(() => providers.id),
  locale: text().notNull().default('zh'),
  active: boolean().notNull().default(true),
  /** Receives the daily digest of what waits for them (modules/mail/digest); each user can turn it off. */
  digestEnabled: boolean().notNull().default(true),
  /** Invited and no password set yet (the invitation link sets it); such an account cannot sign in. */
  invitationPending: boolean().notNull().default(false),
  version: integer().notNull().default(1),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  check('users_role', sql.raw(`role IN (${sqlList(roles)})`)),
  check('users_email_lower', sql`${t.email} = lower(${t.email})`),
  // A school user belongs to exactly one school, a provider user to one provider, nobody else to either.
  check('users_school_link', sql`(${t.role} = 'school') = (${t.schoolId} IS NOT NULL)`),
  check('users_provider_link', sql`(${t.role} = 'provider') = (${t.providerId} IS NOT NULL)`),
  index('users_school_idx').on(t.schoolId),
]);

export const userRegions = pgTable('user_regions', {
  userId: integer().notNull().references(() => users.id, { onDelete: 'cascade' }),
  regionId: integer().notNull().references(() => regions.id),
}, (t) => [primaryKey({ columns: [t.userId, t.regionId] })]);

export const sessions = pgTable('sessions', {
  // sha256 of the cookie token: a leaked table does not leak usable sessions.
  id: text().primaryKey(),
  userId: integer().notNull().references(() => users.id, { onDelete: 'cascade' }),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  lastSeenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp({ withTimezone: true }).notNull(),
  userAgent: text(),
  ip: text(),
}, (t) => [index('sessions_user_idx').on(t.userId), index('sessions_expires_idx').on(t.expiresAt)]);


/**
 * The password-check throttle: one row per key (an account at an address, or a whole address), in the
 * database so that every server process shares it. A try is reserved on its row, under the row's lock,
 * before its password is checked (modules/auth/login-throttle.ts).
 */
export const loginThrottle = pgTable('login_throttle', {
  key: text().primaryKey(),
  /** Tries since the last success, or since the key was last quiet for the window. */
  attempts: integer().notNull().default(0),
  lastAttemptAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  /** No try on this key is checked before this time (exponential backoff once past the limit). */
  blockedUntil: timestamp({ withTimezone: true }),
}, (t) => [index('login_throttle_last_attempt_idx').on(t.lastAttemptAt)]);
