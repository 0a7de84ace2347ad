import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { mailOutbox } from '../../db/schema/index.js';

export type OutboxRow = typeof mailOutbox.$inferSelect;

const ms = (n: number) => sql`make_interval(secs => ${n / 1000}::float8)`;

/**
 * Takes the next due mail for this sender: one statement, so no transaction stays open while the
 * mail is sent. The row is leased (`locked_until`) and its attempt counted before it is sent; other
 * senders skip it while the lease lasts (`FOR UPDATE SKIP LOCKED` lets two senders claim two
 * different mails at once instead of waiting on each other). A sender that dies holding a mail
 * loses it when the lease ends, and the mail is sent again: at most that one mail, once more.
 */
export async function claimNextMail(db: Executor, leaseMs: number): Promise<OutboxRow | undefined> {
  const due = sql`(SELECT id FROM mail_outbox
    WHERE status = 'queued' AND next_attempt_at <= now() AND (locked_until IS NULL OR locked_until <= now())
    ORDER BY next_attempt_at, id LIMIT 1 FOR UPDATE SKIP LOCKED)`;
  const [row] = await db.update(mailOutbox)
    .set({ lockedUntil: sql`now() + ${ms(leaseMs)}`, attempts: sql`${mailOutbox.attempts} + 1` })
    .where(and(eq(mailOutbox.id, due), eq(mailOutbox.status, 'queued')))
    .returning();
  return row;
}

/** The SMTP server took the mail: it is sent, and never claimed again. */
export async function markSent(db: Executor, id: number): Promise<void> {
  await db.update(mailOutbox).set({ status: 'sent', sentAt: sql`now()`, lockedUntil: null, lastError: null })
    .where(and(eq(mailOutbox.id, id), eq(mailOutbox.status, 'queued')));
}

/** This attempt failed: try again after `retryInMs`, or give up (`failed`, HQ may retry it). */
export async function markAttemptFailed(db: Executor, id: number, error: string, retryInMs: number | null): Promise<void> {
  await db.update(mailOutbox).set(retryInMs === null
    ? { status: 'failed', lockedUntil: null, lastError: error }
    : { nextAttemptAt: sql`now() + ${ms(retryInMs)}`, lockedUntil: null, lastError: error })
    .where(and(eq(mailOutbox.id, id), eq(mailOutbox.status, 'queued')));
}
