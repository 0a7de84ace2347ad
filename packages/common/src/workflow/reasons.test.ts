import { describe, expect, it } from 'vitest';
import { decide } from './types.js';
import { applicationTransitions, type ApplicationContext } from './application-transitions.js';
import { agreementTransitions, type AgreementContext } from './agreement-transitions.js';
import { evaluationTransitions, type EvaluationContext } from './evaluation-transitions.js';
import { contentProposalTransitions, feedbackTransitions, providerReportTransitions } from './provider-work-transitions.js';
import { isProblemCode } from '../problem/problem-codes.js';

/** Issue 12 item 4: the domain refuses with reasons (a kind, a code and params), never an HTTP status or words. */
const application: ApplicationContext = { tier: 'industry_college', plan: {}, pledge: false, planItems: [{ id: 2, kind: 'teaching_resource', title: '实训平台', needsPlatformSupport: true, approved: null }], input: {}, region: { id: 1, activeStaff: 0 } };
const agreement: AgreementContext = { rules: { requiresSigning: true, requiresPlaque: true, requiresInspection: true }, today: '2026-06-01', input: {} };
const evaluation: EvaluationContext = { kind: 'annual', today: '2026-06-01', nextTier: null, input: {} };

const tables = [
  ['applications', applicationTransitions, application],
  ['agreements', agreementTransitions, agreement],
  ['evaluations', evaluationTransitions, evaluation],
  ['provider reports', providerReportTransitions, { input: {} }],
  ['content proposals', contentProposalTransitions, { input: {} }],
  ['feedback', feedbackTransitions, { input: {} }],
] as const;

describe('decide() refuses with reasons', () => {
  it.each(tables)('%s: every guard problem is a known code with a field, and no words', (_, table, ctx) => {
    let guarded = 0;
    for (const row of table as readonly { from: readonly string[]; action: string; roles: readonly string[]; guard?: unknown }[]) {
      if (!row.guard) continue;
      const d = decide(table as never, row.from[0], row.action, row.roles[0] as never, ctx as never);
      expect(d.ok, `${row.action} with an empty input`).toBe(false);
      if (d.ok) continue;
      guarded++;
      expect(d).toMatchObject({ kind: 'guard_failed' });
      expect(d).not.toHaveProperty('status');
      expect(d.reason).toEqual(d.problems![0]);
      for (const p of d.problems!) {
        expect(isProblemCode(p.code), p.code).toBe(true);
        expect(typeof p.field).toBe('string');
        expect(p).not.toHaveProperty('message');
      }
    }
    expect(guarded).toBeGreaterThan(0);
  });

  it('the role, the state and an unknown action are reasons with params, not statuses', () => {
    expect(decide(applicationTransitions, 'draft', 'submit', 'hq', application)).toEqual({ ok: false, kind: 'forbidden_role', reason: { code: 'role_may_not', params: { role: 'hq', action: 'submit' } } });
    expect(decide(applicationTransitions, 'approved', 'withdraw', 'school', application)).toEqual({ ok: false, kind: 'wrong_state', reason: { code: 'wrong_state', params: { action: 'withdraw', state: 'approved', states: ['pending_regional', 'pending_hq', 'returned'] } } });
    expect(decide(applicationTransitions, 'draft', 'teleport', 'school', application)).toEqual({ ok: false, kind: 'unknown_action', reason: { code: 'unknown_action', params: { action: 'teleport' } } });
  });
});
