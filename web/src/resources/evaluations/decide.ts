import { annualDecisions, decisionProblems, finalDecisions, nextTierUp, type EvaluationKind, type KpiName } from '@campus/common';

export { annualDecisions, finalDecisions };
export type { EvaluationKind };

/** The decisions of an evaluation of this kind: the final review of a term decides differently. */
export const decisionsFor = (kind: EvaluationKind): readonly string[] => (kind === 'final' ? finalDecisions : annualDecisions);

/** The tier an upgrade leads to (the shared tier order), or null at the top. */
export const tierAbove = (tier: string | null | undefined): string | null => (tier ? nextTierUp(tier) : null);

export interface DecideValues {
  decision: string;
  reason: string;
  failingKpis: KpiName[];
  notice: string;
  deadline: string;
}

/** The form's own sentence for each of the guard's problems (app.evaluation.need.*). */
const needKeys: Record<string, string> = {
  decision_invalid: 'app.evaluation.need.decision',
  decision_invalid_final: 'app.evaluation.need.decision',
  decision_reason_missing: 'app.evaluation.need.reason',
  failing_kpis_missing: 'app.evaluation.need.failing_kpis',
  notice_missing: 'app.evaluation.need.notice',
  deadline_missing: 'app.evaluation.need.deadline',
  deadline_not_future: 'app.evaluation.need.future_deadline',
};

/**
 * What the decide form still needs, by field: the shared guard of the decide action
 * (decisionProblems, the server's own), each problem as the form's message key, or as the problem
 * itself (its code) when the form has no sentence for it. Checked before sending so that the user
 * sees it at once; the server checks again.
 */
export function decideProblems(values: DecideValues, kind: EvaluationKind, today: string, nextTier: string | null) {
  const problems: Record<string, string | { code: string; params?: Record<string, unknown> }> = {};
  // The guard stops at an unknown decision; the reason is asked for alongside it all the same.
  const found = [
    ...decisionProblems({ kind, today, nextTier, input: values }),
    ...(values.reason.trim() ? [] : decisionProblems({ kind, today, nextTier, input: { decision: decisionsFor(kind)[0], reason: '' } })),
  ];
  for (const p of found) {
    if (problems[p.field]) continue;
    problems[p.field] = Object.hasOwn(needKeys, p.code) ? needKeys[p.code] : { code: p.code, params: p.params };
  }
  return problems;
}

/** The body of POST /api/evaluations/:id/actions/decide (without the version). */
export function decideBody(values: DecideValues) {
  const body: Record<string, unknown> = { decision: values.decision, reason: values.reason.trim() };
  if (values.decision === 'rectify') {
    body.failingKpis = values.failingKpis;
    body.notice = values.notice.trim();
    body.deadline = values.deadline;
  }
  return body;
}
