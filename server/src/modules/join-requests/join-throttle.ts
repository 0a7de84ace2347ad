import crypto from 'node:crypto';
import type { Db } from '../../db/client.js';
import { AppError, ErrorCode } from '../../lib/errors.js';
import { countTries, retryAfterSeconds } from '../auth/login-throttle.js';
import { JOIN_LIMITS } from './join-limits.js';

/** A join request refused by the throttle: 429 with how long to wait (Retry-After). */
export class TooManyJoinRequests extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super(429, ErrorCode.tooManyRequests, { code: 'too_many_join_requests', params: { seconds: retryAfterSeconds } }, { retryAfterSeconds });
  }
}

/** Throttle keys name no one: the address and the e-mail are kept only as a digest. */
const digest = (value: string) => crypto.createHash('sha256').update(value, 'utf8').digest('hex').slice(0, 32);

/**
 * Counts one join request against its requester address and its e-mail address, or refuses it
 * (TooManyJoinRequests): the sign-in throttle's rule and table (auth/login-throttle.ts countTries),
 * keys of its own.
 */
export async function countJoinRequest(db: Db, who: { address: string; email: string }) {
  const windowMs = JOIN_LIMITS.windowMinutes * 60_000;
  const waitMs = await countTries(db, {
    [`join-addr:${digest(who.address)}`]: { limit: JOIN_LIMITS.perAddress, windowMs },
    [`join-mail:${digest(who.email)}`]: { limit: JOIN_LIMITS.perEmail, windowMs },
  });
  if (waitMs > 0) throw new TooManyJoinRequests(retryAfterSeconds(waitMs));
}
