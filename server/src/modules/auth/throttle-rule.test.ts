import { describe, expect, it } from 'vitest';
import { FIRST_WAIT_MS, nextThrottleState, type ThrottleState } from './throttle-rule.js';

const limit = { limit: 3, windowMs: 15 * 60_000 };
const fresh: ThrottleState = { attempts: 0, lastAttemptAt: 0, blockedUntil: null };

function run(tries: number[], start = fresh) {
  let state = start;
  return tries.map((now) => {
    const r = nextThrottleState(state, now, limit);
    state = r.state;
    return r;
  });
}

describe('the password-try rule', () => {
  it('checks the first tries, then waits 30 s, doubling with each counted try, never longer than the window', () => {
    const r = run([1000, 1001, 1002]);
    expect(r.map((x) => x.waitMs)).toEqual([0, 0, 0]);
    expect(r[2].state.blockedUntil).toBe(1002 + FIRST_WAIT_MS);
    let state = r[2].state;
    const waits: number[] = [];
    for (let i = 0; i < 8; i++) {
      const now = state.blockedUntil!;
      const next = nextThrottleState(state, now, limit);
      expect(next.waitMs).toBe(0);
      waits.push(next.state.blockedUntil! - now);
      state = next.state;
    }
    expect(waits).toEqual([60_000, 120_000, 240_000, 480_000, 900_000, 900_000, 900_000, 900_000]);
  });

  it('a refused try is not counted, so hammering does not lengthen the wait', () => {
    const [, , third] = run([0, 1, 2]);
    const refused = nextThrottleState(third.state, 10_000, limit);
    expect(refused.waitMs).toBe(2 + FIRST_WAIT_MS - 10_000);
    expect(refused.state).toEqual(third.state);
  });

  it('forgets a key quiet for a whole window after its wait ended, not before', () => {
    const [, , third] = run([0, 1, 2]);
    const end = third.state.blockedUntil!;
    expect(nextThrottleState(third.state, end + limit.windowMs - 1, limit).state.attempts).toBe(4);
    expect(nextThrottleState(third.state, end + limit.windowMs, limit).state).toMatchObject({ attempts: 1, blockedUntil: null });
  });
});
