import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { users } from '../../db/schema/index.js';
import { reserveTries, type ThrottleSettings } from './login-throttle.js';
import { sendReset } from '../users/invite-user.js';

/** Reset requests one e-mail address may make in a throttle window before each further one must wait. */
export const RESET_REQUESTS_PER_EMAIL = 3;
/** Reset requests one network address may make (for any e-mail) in a window before each further one must wait. */
export const RESET_REQUESTS_PER_ADDRESS = 30;
/** Every answer takes at least this long, so the time does not tell whether the address has an account. */
export const FORGOT_PASSWORD_FLOOR_MS = 250;

/**
 * "I forgot my password": counted per e-mail and per address (429 past the limits, the same for every
 * address), then, only for an active account, a one-hour reset link is mailed through the outbox.
 * The caller answers the same whatever happened here; the answer waits out a fixed floor.
 */
export async function forgotPassword(db: Db, throttle: ThrottleSettings, email: string, address: string) {
  const began = Date.now();
  const windowMs = throttle.windowMinutes * 60_000;
  await reserveTries(db, {
    [`reset-mail:${email}`]: { limit: RESET_REQUESTS_PER_EMAIL, windowMs },
    [`reset-addr:${address}`]: { limit: RESET_REQUESTS_PER_ADDRESS, windowMs },
  }, 'too_many_reset_requests');
  await db.transaction(async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.email, email)).limit(1);
    if (!user || !user.active) return;
    // An invited account that never set a password gets a reset link too: it sets the first password the same way.
    await sendReset(tx, user, null, 'forgot_password');
  });
  const left = FORGOT_PASSWORD_FLOOR_MS - (Date.now() - began);
  if (left > 0) await new Promise((resolve) => setTimeout(resolve, left));
}
