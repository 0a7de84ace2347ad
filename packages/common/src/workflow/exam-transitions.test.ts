import { describe, expect, it } from 'vitest';
import { examSessionStates, examSiteStates, roles } from '../vocabulary.js';
import { allowedActions, decide } from './types.js';
import { examSiteTransitions } from './exam-site-transitions.js';
import { examSessionTransitions } from './exam-session-transitions.js';

const withReason = { input: { reason: '场地不符合要求' } };

describe('exam site transitions', () => {
  it.each([
    ['proposed', 'approve', 'approved'],
    ['proposed', 'decline', 'declined'],
    ['approved', 'suspend', 'suspended'],
    ['suspended', 'reinstate', 'approved'],
  ] as const)('%s: %s by HQ → %s; nobody else may', (from, action, to) => {
    expect(decide(examSiteTransitions, from, action, 'hq', withReason)).toMatchObject({ ok: true, to });
    for (const role of roles.filter((r) => r !== 'hq')) expect(decide(examSiteTransitions, from, action, role, withReason)).toMatchObject({ ok: false, kind: 'forbidden_role' });
  });
  it('each state allows only its own actions', () => {
    const expected: Record<(typeof examSiteStates)[number], string[]> = { proposed: ['approve', 'decline'], approved: ['suspend'], suspended: ['reinstate'], declined: [] };
    for (const state of examSiteStates) {
      expect(allowedActions(examSiteTransitions, state, 'hq')).toEqual(expected[state]);
      expect(allowedActions(examSiteTransitions, state, 'school')).toEqual([]);
    }
    expect(decide(examSiteTransitions, 'declined', 'approve', 'hq', withReason)).toMatchObject({ ok: false, kind: 'wrong_state' });
  });
  it('a decline and a suspension need a reason', () => {
    for (const [from, action] of [['proposed', 'decline'], ['approved', 'suspend']] as const) {
      expect(decide(examSiteTransitions, from, action, 'hq', { input: { reason: ' ' } })).toMatchObject({ ok: false, kind: 'guard_failed', problems: [{ field: 'reason', code: 'exam_site_reason_missing' }] });
    }
  });
});

describe('exam session transitions', () => {
  it('HQ closes registration of, or cancels, a scheduled session; nobody else may', () => {
    expect(decide(examSessionTransitions, 'scheduled', 'close_registration', 'hq', { input: {} })).toMatchObject({ ok: true, to: 'closed' });
    expect(decide(examSessionTransitions, 'scheduled', 'cancel', 'hq', { input: {} })).toMatchObject({ ok: true, to: 'cancelled' });
    for (const role of roles.filter((r) => r !== 'hq')) expect(allowedActions(examSessionTransitions, 'scheduled', role)).toEqual([]);
  });
  it('only a scheduled session can be closed or cancelled', () => {
    for (const state of examSessionStates.filter((s) => s !== 'scheduled')) {
      expect(decide(examSessionTransitions, state, 'close_registration', 'hq', { input: {} })).toMatchObject({ ok: false, kind: 'wrong_state' });
      expect(decide(examSessionTransitions, state, 'cancel', 'hq', { input: {} })).toMatchObject({ ok: false, kind: 'wrong_state' });
    }
  });
});
