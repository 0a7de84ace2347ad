import { sql } from 'drizzle-orm';
import type { Config } from '../../config.js';
import type { Db } from '../../db/client.js';
import { queryRows } from '../../db/raw.js';
import { AppError, ErrorCode } from '../../lib/errors.js';
import { nextThrottleState, type ThrottleLimit, type ThrottleState } from './throttle-rule.js';

export interface ThrottleSettings {
  /** LOGIN_MAX_FAILURES: tries an account may fail from one address before each further try must wait. */
  maxFailures: number;
  /** LOGIN_WINDOW_MINUTES: the longest wait, and how long a key must stay quiet to be forgotten. */
  windowMinutes: number;
}

/** The throttle's settings from the configuration. */
export const throttleSettings = (config: Config): ThrottleSettings => ({ maxFailures: config.LOGIN_MAX_FAILURES, windowMinutes: config.LOGIN_WINDOW_MINUTES });

/** An address (a school's shared NAT, say) may fail this many times more than one account at it. */
export const ADDRESS_CEILING_FACTOR = 20;

/** Who is checking a password: the account (its email) and the address the request comes from. */
export interface PasswordTry { account: string; address: string }

/** A try refused before its password was checked: 429, with how long to wait (Retry-After). */
export class TooManyPasswordTries extends AppError {
  constructor(readonly retryAfterSeconds: number, what: PasswordTryKind) {
    super(429, ErrorCode.tooManyRequests, { code: what, params: { seconds: retryAfterSeconds } }, { retryAfterSeconds });
  }
}

/** What is being tried too often, as the problem that says so. */
export type PasswordTryKind = 'too_many_sign_ins' | 'too_many_password_tries' | 'too_many_reset_requests';

const accountKey = (t: PasswordTry) => `acct:${t.account}|${t.address}`;
const addressKey = (t: PasswordTry) => `addr:${t.address}`;

interface Row { key: string; attempts: number; last_ms: number; blocked_ms: number | null; now_ms: number }

/**
 * Reserves one password check for an account at an address, or refuses it (TooManyPasswordTries).
 * Atomic across server processes: both keys' rows are created or locked by one INSERT … ON CONFLICT
 * DO UPDATE (always in the same order, so two reservations cannot deadlock), read, and moved on in
 * the same transaction. The try is counted before its password is checked; a success gives it back.
 */
async function reserve(db: Db, who: PasswordTry, s: ThrottleSettings, what: PasswordTryKind) {
  const windowMs = s.windowMinutes * 60_000;
  await reserveTries(db, {
    [accountKey(who)]: { limit: s.maxFailures, windowMs },
    [addressKey(who)]: { limit: s.maxFailures * ADDRESS_CEILING_FACTOR, windowMs },
  }, what);
}

/**
 * Counts one try on every key given (each with its own limit), or refuses it on all of them, in the
 * login_throttle table (atomic across server processes: every key's row is created or locked by one
 * INSERT … ON CONFLICT DO UPDATE, in a fixed order so that two counts cannot deadlock, read and moved
 * on in the same transaction). Returns how long to wait in milliseconds (0: counted, go on). The one
 * mechanism of every throttle: password checks, reset requests, the join page, the certificate check.
 */
export async function countTries(db: Db, limits: Record<string, ThrottleLimit>): Promise<number> {
  const keys = Object.keys(limits).sort();
  return db.transaction(async (tx) => {
    const rows = await queryRows<Row>(tx, sql`
      INSERT INTO login_throttle (key) VALUES ${sql.join(keys.map((k) => sql`(${k})`), sql`, `)}
      ON CONFLICT (key) DO UPDATE SET attempts = login_throttle.attempts
      RETURNING key, attempts,
        (extract(epoch FROM last_attempt_at) * 1000)::float8 AS last_ms,
        (extract(epoch FROM blocked_until) * 1000)::float8 AS blocked_ms,
        (extract(epoch FROM clock_timestamp()) * 1000)::float8 AS now_ms`);
    const now = Math.max(...rows.map((r) => Number(r.now_ms)));
    const decisions = rows.map((r) => {
      const state: ThrottleState = { attempts: Number(r.attempts), lastAttemptAt: Number(r.last_ms), blockedUntil: r.blocked_ms === null ? null : Number(r.blocked_ms) };
      return { key: r.key, ...nextThrottleState(state, now, limits[r.key]) };
    });
    const refused = decisions.filter((d) => d.waitMs > 0);
    if (refused.length) return Math.max(...refused.map((d) => d.waitMs));
    for (const d of decisions) {
      await tx.execute(sql`
        UPDATE login_throttle SET attempts = ${d.state.attempts}, last_attempt_at = to_timestamp(${d.state.lastAttemptAt / 1000}),
          blocked_until = ${d.state.blockedUntil === null ? null : sql`to_timestamp(${d.state.blockedUntil / 1000})`}
        WHERE key = ${d.key}`);
    }
    return 0;
  });
}

/** A wait in milliseconds as Retry-After's whole seconds (at least 1). */
export const retryAfterSeconds = (waitMs: number) => Math.max(1, Math.ceil(waitMs / 1000));

/**
 * Counts one try on every key given (each with its own limit), or refuses it on all of them
 * (TooManyPasswordTries, 429) when any key must wait. The same rows and rule as the password checks,
 * for other things tried too often (password-reset requests: per e-mail and per address).
 */
export async function reserveTries(db: Db, limits: Record<string, ThrottleLimit>, what: PasswordTryKind) {
  const waitMs = await countTries(db, limits);
  if (waitMs > 0) throw new TooManyPasswordTries(retryAfterSeconds(waitMs), what);
}

/** After a right password: the account's failures at that address are forgotten, the address gets its try back. */
async function succeeded(db: Db, who: PasswordTry, s: ThrottleSettings) {
  const ceiling = s.maxFailures * ADDRESS_CEILING_FACTOR;
  await db.transaction(async (tx) => {
    await tx.execute(sql`DELETE FROM login_throttle WHERE key = ${accountKey(who)}`);
    await tx.execute(sql`
      UPDATE login_throttle SET attempts = greatest(attempts - 1, 0),
        blocked_until = CASE WHEN attempts - 1 < ${ceiling} THEN NULL ELSE blocked_until END
      WHERE key = ${addressKey(who)}`);
  });
  // Keys quiet for a whole window are forgotten anyway; remove a few, skipping any a try holds now.
  await db.execute(sql`
    DELETE FROM login_throttle WHERE key IN (
      SELECT key FROM login_throttle
      WHERE last_attempt_at < now() - make_interval(secs => ${s.windowMinutes * 60})
        AND (blocked_until IS NULL OR blocked_until < now() - make_interval(secs => ${s.windowMinutes * 60}))
      ORDER BY last_attempt_at LIMIT 100 FOR UPDATE SKIP LOCKED)`);
}

/**
 * Every password check goes through here (sign-in, password change, any future reset): the try is
 * reserved first (or refused with 429 without looking at the password), then `check` runs, and a
 * success clears the account's key at that address. Returns what `check` returned.
 */
export async function throttledPasswordCheck(db: Db, who: PasswordTry, s: ThrottleSettings, what: PasswordTryKind, check: () => Promise<boolean>): Promise<boolean> {
  await reserve(db, who, s, what);
  const ok = await check();
  if (ok) await succeeded(db, who, s);
  return ok;
}
