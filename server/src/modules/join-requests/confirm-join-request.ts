import { eq, sql } from 'drizzle-orm';
import { now } from '@campus/common';
import type { Db } from '../../db/client.js';
import { joinRequests } from '../../db/schema/index.js';
import { badRequest } from '../../lib/errors.js';
import { appendAudit } from '../audit/audit-repository.js';
import { joinTokenDigest } from './join-token.js';
import { notifyJoinReviewers } from './notify-join-reviewers.js';

type Outcome = 'confirmed' | 'join_token_invalid' | 'join_token_expired' | 'join_token_used';

/**
 * The requester follows the mailed link: the e-mail address is confirmed and the request waits for
 * its region (`pending`), whose staff and HQ are notified. A token that was never issued, has been
 * used, or has expired is a 400 saying which, and changes nothing (an expired request is marked
 * `expired`, which is kept).
 */
export async function confirmJoinRequest(db: Db, token: string): Promise<void> {
  const outcome = await db.transaction(async (tx): Promise<Outcome> => {
    const [row] = await tx.select().from(joinRequests).where(eq(joinRequests.confirmTokenHash, joinTokenDigest(token))).for('update');
    if (!row) return 'join_token_invalid';
    if (row.status === 'expired') return 'join_token_expired';
    if (row.status !== 'unconfirmed') return 'join_token_used';
    const at = now();
    if (row.confirmExpiresAt.getTime() <= at.getTime()) {
      await tx.update(joinRequests).set({ status: 'expired', version: sql`${joinRequests.version} + 1`, updatedAt: at }).where(eq(joinRequests.id, row.id));
      await appendAudit(tx, { entityType: 'join_request', entityId: row.id, action: 'expire', actorId: null, fromState: 'unconfirmed', toState: 'expired' });
      return 'join_token_expired';
    }
    await tx.update(joinRequests).set({ status: 'pending', confirmedAt: at, version: sql`${joinRequests.version} + 1`, updatedAt: at }).where(eq(joinRequests.id, row.id));
    await appendAudit(tx, { entityType: 'join_request', entityId: row.id, action: 'confirm', actorId: null, fromState: 'unconfirmed', toState: 'pending' });
    await notifyJoinReviewers(tx, row, 'join_request.confirm');
    return 'confirmed';
  });
  if (outcome !== 'confirmed') throw badRequest(outcome, [{ field: 'token', code: outcome }]);
}
