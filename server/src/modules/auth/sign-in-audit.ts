import type { Executor } from '../../db/client.js';
import { appendAudit } from '../audit/audit-repository.js';

interface Account { id: number; email: string; schoolId: number | null; active: boolean }

/**
 * A sign-in whose password check failed: the account when it exists, and the
 * address. Never the password, and not the email typed for an account that does not exist.
 */
export async function auditFailedPasswordCheck(db: Executor, action: 'login_failed', account: Account | undefined, address: string) {
  await appendAudit(db, {
    entityType: 'user', entityId: account?.id ?? 0, action, actorId: null, schoolId: account?.schoolId ?? null,
    data: account
      ? { accountKnown: true, email: account.email, address, ...(account.active ? {} : { accountInactive: true }) }
      : { accountKnown: false, address },
  });
}
