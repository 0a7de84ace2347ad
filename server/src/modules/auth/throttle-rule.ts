/** One throttle key's state, times in epoch milliseconds. */
export interface ThrottleState { attempts: number; lastAttemptAt: number; blockedUntil: number | null }
export interface ThrottleLimit { limit: number; windowMs: number }

/** The first wait once a key reaches its limit; each further failed try doubles it, up to the window. */
export const FIRST_WAIT_MS = 30_000;

export function backoffMs(triesPastLimit: number, windowMs: number) {
  return Math.min(FIRST_WAIT_MS * 2 ** Math.min(triesPastLimit, 30), windowMs);
}

/**
 * The rule for one try on one key. A key forgets its tries once it has been quiet (no try and no
 * wait) for a whole window. While it must wait, a try is refused without being counted, so hammering
 * does not lengthen the wait; otherwise the try is counted, and from the limit on every counted try
 * sets the next wait: 30 s, 1 min, 2 min … at most the window. The limit-th try itself is checked.
 */
export function nextThrottleState(state: ThrottleState, now: number, { limit, windowMs }: ThrottleLimit): { waitMs: number; state: ThrottleState } {
  const quietSince = Math.max(state.lastAttemptAt, state.blockedUntil ?? 0);
  const forgotten = state.attempts === 0 || now - quietSince >= windowMs;
  const attempts = forgotten ? 0 : state.attempts;
  const blockedUntil = forgotten ? null : state.blockedUntil;
  if (blockedUntil !== null && blockedUntil > now) return { waitMs: blockedUntil - now, state };
  const counted = attempts + 1;
  return {
    waitMs: 0,
    state: { attempts: counted, lastAttemptAt: now, blockedUntil: counted >= limit ? now + backoffMs(counted - limit, windowMs) : null },
  };
}
