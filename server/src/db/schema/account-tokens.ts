import { sql } from 'drizzle-orm';
import { pgTable, serial, text, integer, timestamp, check, index } from 'drizzle-orm/pg-core';
import { users } from './users.js';

/** What a one-time account link is for: setting the first password (invitation) or a forgotten one (reset). */
export const accountTokenPurposes = ['invitation', 'reset'] as const;
export type AccountTokenPurpose = (typeof accountTokenPurposes)[number];

/**
 * One-time links sent by mail (modules/auth/account-tokens.ts). Only the SHA-256 of the random token
 * is kept: a leaked table holds no usable link. A token is used once (`usedAt`), or replaced: issuing
 * a new one for the same account and purpose sets `usedAt` on the open ones.
 */
export const accountTokens = pgTable('account_tokens', {
  id: serial().primaryKey(),
  purpose: text().notNull(),
  userId: integer().notNull().references(() => users.id, { onDelete: 'cascade' }),
  tokenHash: text().notNull().unique(),
  expiresAt: timestamp({ withTimezone: true }).notNull(),
  usedAt: timestamp({ withTimezone: true }),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  check('account_tokens_purpose', sql.raw(`purpose IN (${accountTokenPurposes.map((p) => `'${p}'`).join(', ')})`)),
  index('account_tokens_user_idx').on(t.userId, t.purpose),
]);
