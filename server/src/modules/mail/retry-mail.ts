import { eq, sql } from 'drizzle-orm';
import type { Actor } from '@campus/common';
import type { Db } from '../../db/client.js';
import { mailOutbox } from '../../db/schema/index.js';
import { conflict, notFound } from '../../lib/errors.js';
import { appendAudit } from '../audit/audit-repository.js';

/**
 * HQ sends a mail again: a failed one is queued with its attempts reset, a queued one becomes due now
 * (instead of after its backoff). A sent mail is refused: the outbox never sends a mail twice on purpose.
 */
export async function retryMail(db: Db, actor: Actor, id: number): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx.select().from(mailOutbox).where(eq(mailOutbox.id, id)).for('update');
    if (!row) throw notFound('mail');
    if (row.status === 'sent') throw conflict('mail_already_sent');
    await tx.update(mailOutbox).set({ status: 'queued', attempts: 0, nextAttemptAt: sql`now()`, lockedUntil: null }).where(eq(mailOutbox.id, id));
    await appendAudit(tx, {
      entityType: 'mail', entityId: id, action: 'retry', actorId: actor.id, fromState: row.status, toState: 'queued',
      data: { recipient: row.recipient, kind: row.kind, attempts: row.attempts },
    });
  });
}
