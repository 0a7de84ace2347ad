import { eq, sql } from 'drizzle-orm';
import type { Actor } from '@campus/common';
import type { Db } from '../../../db/client.js';
import { users } from '../../../db/schema/index.js';
import { notFound } from '../../../lib/errors.js';
import { appendAudit } from '../../audit/audit-repository.js';

export interface MailPreferences { digestEnabled: boolean }

/** The signed-in user's own mail preferences. */
export async function readMailPreferences(db: Db, actor: Actor): Promise<MailPreferences> {
  const [row] = await db.select({ digestEnabled: users.digestEnabled }).from(users).where(eq(users.id, actor.id));
  if (!row) throw notFound('user');
  return row;
}

/** Turns the signed-in user's daily digest on or off; a change is audited on the account. */
export async function setMailPreferences(db: Db, actor: Actor, input: MailPreferences): Promise<MailPreferences> {
  return db.transaction(async (tx) => {
    const [row] = await tx.select({ digestEnabled: users.digestEnabled }).from(users).where(eq(users.id, actor.id)).for('update');
    if (!row) throw notFound('user');
    if (row.digestEnabled !== input.digestEnabled) {
      await tx.update(users).set({ digestEnabled: input.digestEnabled, updatedAt: sql`now()` }).where(eq(users.id, actor.id));
      await appendAudit(tx, {
        entityType: 'user', entityId: actor.id, action: 'update', actorId: actor.id, schoolId: actor.schoolId,
        data: { changes: { digestEnabled: { from: row.digestEnabled, to: input.digestEnabled } }, passwordChanged: false },
      });
    }
    return { digestEnabled: input.digestEnabled };
  });
}
