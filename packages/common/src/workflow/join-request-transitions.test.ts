import { describe, expect, it } from 'vitest';
import { roles } from '../vocabulary.js';
import { allowedActions, decide } from './types.js';
import { joinRequestTransitions } from './join-request-transitions.js';

const ok = { input: { reason: '不在合作范围内' } };

describe('join request transitions', () => {
  it.each([
    ['accept', 'accepted'],
    ['decline', 'declined'],
  ] as const)('a pending request: %s by HQ or regional staff → %s; schools and providers may not', (action, to) => {
    for (const role of ['hq', 'regional'] as const) expect(decide(joinRequestTransitions, 'pending', action, role, ok)).toMatchObject({ ok: true, to });
    for (const role of roles.filter((r) => r !== 'hq' && r !== 'regional')) {
      expect(decide(joinRequestTransitions, 'pending', action, role, ok)).toMatchObject({ ok: false, kind: 'forbidden_role' });
    }
  });
  it('only a pending request can be decided', () => {
    for (const state of ['unconfirmed', 'accepted', 'declined', 'expired'] as const) {
      expect(decide(joinRequestTransitions, state, 'accept', 'hq', ok)).toMatchObject({ ok: false, kind: 'wrong_state' });
      expect(allowedActions(joinRequestTransitions, state, 'regional')).toEqual([]);
    }
    expect(allowedActions(joinRequestTransitions, 'pending', 'regional')).toEqual(['accept', 'decline']);
    expect(allowedActions(joinRequestTransitions, 'pending', 'school')).toEqual([]);
  });
  it('a decline needs a reason', () => {
    expect(decide(joinRequestTransitions, 'pending', 'decline', 'hq', { input: { reason: '  ' } })).toMatchObject({ ok: false, kind: 'guard_failed', problems: [{ field: 'reason', code: 'join_decline_reason_missing' }] });
    expect(decide(joinRequestTransitions, 'pending', 'decline', 'hq', { input: {} })).toMatchObject({ ok: false, kind: 'guard_failed' });
  });
});
