import { and, count, eq, gt, lt, or } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { loginAttempts } from '../../db/schema/index.js';

export interface ThrottleSettings { maxFailures: number; windowMinutes: number }

/**
 * Failed sign-ins are counted per account and per address over a sliding window, in the database so
 * that every server process sees them. Beyond the limit the account (or address) is refused with
 * 429 until the window has passed, whether the password is right or not.
 */
export async function isThrottled(db: Executor, email: string, ip: string, s: ThrottleSettings): Promise<boolean> {
  const since = new Date(Date.now() - s.windowMinutes * 60_000);
  const [byEmail] = await db.select({ n: count() }).from(loginAttempts).where(and(eq(loginAttempts.email, email), gt(loginAttempts.at, since)));
  if (byEmail.n >= s.maxFailures) return true;
  // An address may fail more often than one account (a school's shared NAT), but not without bound.
  const [byIp] = await db.select({ n: count() }).from(loginAttempts).where(and(eq(loginAttempts.ip, ip), gt(loginAttempts.at, since)));
  return byIp.n >= s.maxFailures * 5;
}

export async function recordFailure(db: Executor, email: string, ip: string) {
  await db.insert(loginAttempts).values({ email, ip });
}

export async function clearFailures(db: Executor, email: string, windowMinutes: number) {
  const old = new Date(Date.now() - windowMinutes * 60_000);
  await db.delete(loginAttempts).where(or(eq(loginAttempts.email, email), lt(loginAttempts.at, old)));
}
