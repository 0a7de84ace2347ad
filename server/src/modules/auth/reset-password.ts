import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { sessions, users, type AccountTokenPurpose } from '../../db/schema/index.js';
import { badRequest, invalid } from '../../lib/errors.js';
import { appendAudit } from '../audit/audit-repository.js';
import { closeAccountTokens, openAccountToken } from './account-tokens.js';
import { hashPassword, passwordProblem } from './password.js';

/**
 * Sets a password from a one-time link (invitation or reset), in one transaction: the link must be
 * open (not forged, used, replaced or expired, and of the purpose asked for, when one is), the account
 * active; the password follows the rules. Then the password is set, an invitation's account becomes
 * usable, every open link of the account is closed and every session of it ends (the caller clears the
 * actor cache). A refusal changes nothing.
 */
export async function resetPassword(db: Db, input: { token: string; password: string; purpose?: AccountTokenPurpose }, address: string) {
  const problem = passwordProblem(input.password);
  if (problem) throw invalid([{ field: 'password', ...problem }]);
  return db.transaction(async (tx) => {
    const link = await openAccountToken(tx, input.token, input.purpose);
    const [user] = await tx.select().from(users).where(eq(users.id, link.userId)).for('update');
    if (!user?.active) throw badRequest('account_inactive', [{ field: 'token', code: 'account_inactive' }]);
    const passwordHash = await hashPassword(input.password);
    await tx.update(users).set({ passwordHash, invitationPending: false, version: sql`${users.version} + 1`, updatedAt: sql`now()` }).where(eq(users.id, user.id));
    await closeAccountTokens(tx, user.id);
    await tx.delete(sessions).where(eq(sessions.userId, user.id));
    await appendAudit(tx, {
      entityType: 'user', entityId: user.id, action: link.purpose === 'invitation' ? 'accept_invitation' : 'reset_password',
      actorId: user.id, schoolId: user.schoolId, data: { tokenId: link.id, address },
    });
    return { userId: user.id, email: user.email, purpose: link.purpose };
  });
}
