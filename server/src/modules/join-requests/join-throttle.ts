import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { queryRows } from '../../db/raw.js';
import { AppError, ErrorCode } from '../../lib/errors.js';
import { nextThrottleState, type ThrottleLimit, type ThrottleState } from '../auth/throttle-rule.js';
import { JOIN_LIMITS } from './join-limits.js';

/** A join request refused by the throttle: 429 with how long to wait (Retry-After). */
export class TooManyJoinRequests extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super(429, ErrorCode.tooManyRequests, { code: 'too_many_join_requests', params: { seconds: retryAfterSeconds } }, { retryAfterSeconds });
  }
}

/** Throttle keys name no one: the address and the e-mail are kept only as a digest. */
const digest = (value: string) => crypto.createHash('sha256').update(value, 'utf8').digest('hex').slice(0, 32);

interface Row { key: string; attempts: number; last_ms: number; blocked_ms: number | null; now_ms: number }

/**
 * Counts one join request against its requester address and its e-mail address, or refuses it
 * (TooManyJoinRequests). The sign-in throttle's rule (auth/throttle-rule.ts) and table
 * (login_throttle, keys of their own), moved on atomically: both rows are created or locked by one
 * INSERT … ON CONFLICT in a fixed order, read and updated in the same transaction.
 */
export async function countJoinRequest(db: Db, who: { address: string; email: string }) {
  const windowMs = JOIN_LIMITS.windowMinutes * 60_000;
  const limits: Record<string, ThrottleLimit> = {
    [`join-addr:${digest(who.address)}`]: { limit: JOIN_LIMITS.perAddress, windowMs },
    [`join-mail:${digest(who.email)}`]: { limit: JOIN_LIMITS.perEmail, windowMs },
  };
  const keys = Object.keys(limits).sort();
  const waitMs = await db.transaction(async (tx) => {
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
      return { key: r.key, ...nextThrottleState(state, now, limits[r.key]!) };
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
  if (waitMs > 0) throw new TooManyJoinRequests(Math.max(1, Math.ceil(waitMs / 1000)));
}
