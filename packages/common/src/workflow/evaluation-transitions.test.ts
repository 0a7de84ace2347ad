import { describe, expect, it } from 'vitest';
import { roles } from '../vocabulary.js';
import { decide } from './types.js';
import { evaluationTransitions, nextTierUp, type EvaluationContext } from './evaluation-transitions.js';

const ctx = (input: EvaluationContext['input'], kind: EvaluationContext['kind'] = 'annual', nextTier: string | null = 'industry_college'): EvaluationContext => ({ kind, today: '2026-11-25', nextTier, input });

describe('evaluation transitions', () => {
  it.each(roles.filter((r) => r !== 'hq'))('%s may not refresh or decide', (role) => {
    expect(decide(evaluationTransitions, 'open', 'decide', role, ctx({ decision: 'continue', reason: 'x' }))).toMatchObject({ ok: false, kind: 'forbidden_role' });
    expect(decide(evaluationTransitions, 'open', 'refresh', role, ctx({}))).toMatchObject({ ok: false, kind: 'forbidden_role' });
  });
  it('a decided evaluation cannot be decided or refreshed again', () => {
    expect(decide(evaluationTransitions, 'decided', 'decide', 'hq', ctx({ decision: 'continue', reason: 'x' }))).toMatchObject({ ok: false, kind: 'wrong_state' });
    expect(decide(evaluationTransitions, 'decided', 'refresh', 'hq', ctx({}))).toMatchObject({ ok: false, kind: 'wrong_state' });
  });
  it.each(['continue', 'terminate', 'upgrade'])('annual %s needs only a reason', (decision) => {
    expect(decide(evaluationTransitions, 'open', 'decide', 'hq', ctx({ decision, reason: '达标' }))).toMatchObject({ ok: true, to: 'decided' });
    expect(decide(evaluationTransitions, 'open', 'decide', 'hq', ctx({ decision }))).toMatchObject({ ok: false, kind: 'guard_failed', problems: [{ field: 'reason' }] });
  });
  it('rectify needs failing KPIs, a notice and a deadline in the future', () => {
    const bad = decide(evaluationTransitions, 'open', 'decide', 'hq', ctx({ decision: 'rectify', reason: 'x', deadline: '2026-11-25' }));
    expect(bad.ok ? [] : bad.problems!.map((p) => p.field)).toEqual(['failingKpis', 'deadline', 'notice']);
    expect(decide(evaluationTransitions, 'open', 'decide', 'hq', ctx({ decision: 'rectify', reason: 'x', deadline: '2026-11-26', failingKpis: ['charm'], notice: 'n' }))).toMatchObject({ ok: false, problems: [{ field: 'failingKpis' }] });
    expect(decide(evaluationTransitions, 'open', 'decide', 'hq', ctx({ decision: 'rectify', reason: 'x', deadline: '2026-11-26', failingKpis: ['jobFairs'], notice: '请于期限内举办招聘会' }))).toMatchObject({ ok: true });
  });
  it('the final review decides renew, upgrade or not_renew; continue and rectify are for annual ones', () => {
    expect(decide(evaluationTransitions, 'open', 'decide', 'hq', ctx({ decision: 'renew', reason: 'x' }, 'final'))).toMatchObject({ ok: true });
    expect(decide(evaluationTransitions, 'open', 'decide', 'hq', ctx({ decision: 'continue', reason: 'x' }, 'final'))).toMatchObject({ ok: false, problems: [{ field: 'decision' }] });
    expect(decide(evaluationTransitions, 'open', 'decide', 'hq', ctx({ decision: 'renew', reason: 'x' }))).toMatchObject({ ok: false, problems: [{ field: 'decision' }] });
  });
  it('an Industry College cannot be upgraded', () => {
    expect(decide(evaluationTransitions, 'open', 'decide', 'hq', ctx({ decision: 'upgrade', reason: 'x' }, 'annual', null))).toMatchObject({ ok: false, problems: [{ field: 'decision' }] });
    expect(nextTierUp('partner_school')).toBe('pilot_1x');
    expect(nextTierUp('talent_base')).toBe('industry_college');
    expect(nextTierUp('industry_college')).toBeNull();
  });
});
