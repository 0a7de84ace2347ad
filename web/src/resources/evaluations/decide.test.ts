import { describe, expect, it } from 'vitest';
import { decisionProblems } from '@campus/common';
import { decideProblems, type DecideValues } from './decide';

const empty: DecideValues = { decision: '', reason: '', failingKpis: [], notice: '', deadline: '' };
const today = '2026-11-25';

describe("the decide form's pre-check is the shared guard (decisionProblems)", () => {
  it('names every field the server would refuse, with the form\'s own sentence', () => {
    expect(decideProblems({ ...empty, decision: 'rectify' }, 'annual', today, 'industry_college')).toEqual({
      reason: 'app.evaluation.need.reason',
      failingKpis: 'app.evaluation.need.failing_kpis',
      deadline: 'app.evaluation.need.deadline',
      notice: 'app.evaluation.need.notice',
    });
    expect(decideProblems({ ...empty, decision: 'rectify', reason: 'r', failingKpis: ['jobFairs'], notice: 'n', deadline: today }, 'annual', today, null))
      .toEqual({ deadline: 'app.evaluation.need.future_deadline' });
  });

  it('asks for a decision of the evaluation\'s kind, and for the reason alongside', () => {
    expect(decideProblems({ ...empty, decision: 'continue' }, 'final', today, null)).toEqual({
      decision: 'app.evaluation.need.decision',
      reason: 'app.evaluation.need.reason',
    });
  });

  it('refuses what only the guard knows before sending: an upgrade at the top tier, as its code', () => {
    const values = { ...empty, decision: 'upgrade', reason: 'excellent' };
    expect(decideProblems(values, 'annual', today, null)).toEqual({ decision: { code: 'upgrade_at_top' } });
    expect(decisionProblems({ kind: 'annual', today, nextTier: null, input: values }).map((p) => p.code)).toEqual(['upgrade_at_top']);
    expect(decideProblems(values, 'annual', today, 'industry_college')).toEqual({});
  });
});
