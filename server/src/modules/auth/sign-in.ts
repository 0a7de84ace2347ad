import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { users } from '../../db/schema/index.js';
import { AppError, ErrorCode } from '../../lib/errors.js';
import { appendAudit } from '../audit/audit-repository.js';
import { verifyPassword } from './password.js';
import { createSession, loadActor } from './session-repository.js';
import { throttledPasswordCheck, type ThrottleSettings } from './login-throttle.js';
import { auditFailedPasswordCheck } from './sign-in-audit.js';

// A fixed hash to verify against when the account does not exist, so timing does not tell.
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$OctptP9yYOJQPihrfcSCGg$OkAIP3ZQ1LCkGIIcSBefjBC2eUA4n/d7Wck/mzqeZmg';

/** Where a sign-in comes from: the address (throttled and audited) and the browser (kept with the session). */
export interface Client { ip: string; userAgent?: string }

/**
 * Checks the password under the throttle for this account and address; a failure is audited (the
 * account when known, never the password) and is 401. A success opens a session, audited, and
 * answers the session (for the cookie) and the signed-in user.
 */
export async function signIn(db: Db, throttle: ThrottleSettings, sessionTtlHours: number, input: { email: string; password: string }, client: Client) {
  let user: typeof users.$inferSelect | undefined;
  const ok = await throttledPasswordCheck(db, { account: input.email, address: client.ip }, throttle, 'too_many_sign_ins', async () => {
    [user] = await db.select().from(users).where(eq(users.email, input.email)).limit(1);
    // An invited account has no password yet: checked against the dummy too, so the time does not tell.
    const right = await verifyPassword(user?.passwordHash || DUMMY_HASH, input.password);
    return right && !!user?.active;
  });
  if (!ok || !user) {
    await auditFailedPasswordCheck(db, 'login_failed', user, client.ip);
    throw new AppError(401, ErrorCode.unauthenticated, 'login_failed');
  }
  const session = await createSession(db, user.id, sessionTtlHours, { ip: client.ip, userAgent: client.userAgent });
  await appendAudit(db, { entityType: 'user', entityId: user.id, action: 'login', actorId: user.id, schoolId: user.schoolId, data: { address: client.ip } });
  return { session, actor: await loadActor(db, user.id) };
}
