import { sql } from 'drizzle-orm';
import { pgTable, serial, text, integer, timestamp, date, check, index, primaryKey } from 'drizzle-orm/pg-core';
import { users } from './users.js';

/**
 * The outbox: every outgoing mail, written in the same transaction as the change that causes it
 * (modules/mail/enqueue-mail.ts) and delivered by the sender (modules/mail/mail-sender.ts).
 * `queued` → `sent`, or → `failed` after the last attempt (HQ may put it back to `queued`).
 * A claimed mail carries a lease (`lockedUntil`): no other sender takes it before the lease ends.
 */
export const mailOutbox = pgTable('mail_outbox', {
  id: serial().primaryKey(),
  recipient: text().notNull(),
  kind: text().notNull(),
  subject: text().notNull(),
  text: text().notNull(),
  html: text().notNull(),
  status: text().notNull().default('queued'),
  attempts: integer().notNull().default(0),
  nextAttemptAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  /** Set while a sender holds the mail; a sender that crashed loses it when this passes. */
  lockedUntil: timestamp({ withTimezone: true }),
  lastError: text(),
  userId: integer().references(() => users.id, { onDelete: 'set null' }),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  sentAt: timestamp({ withTimezone: true }),
}, (t) => [
  check('mail_outbox_status', sql`${t.status} IN ('queued', 'sent', 'failed')`),
  check('mail_outbox_sent_at', sql`(${t.status} = 'sent') = (${t.sentAt} IS NOT NULL)`),
  index('mail_outbox_due_idx').on(t.nextAttemptAt).where(sql`${t.status} = 'queued'`),
  index('mail_outbox_status_idx').on(t.status, t.createdAt),
  index('mail_outbox_recipient_idx').on(t.recipient),
]);

/** One row per user and day a digest was written: the digest is never sent twice on the same day. */
export const mailDigests = pgTable('mail_digests', {
  userId: integer().notNull().references(() => users.id, { onDelete: 'cascade' }),
  /** The calendar day (Asia/Shanghai) the digest is for. */
  day: date({ mode: 'string' }).notNull(),
  mailId: integer().references(() => mailOutbox.id, { onDelete: 'set null' }),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.userId, t.day] })]);
