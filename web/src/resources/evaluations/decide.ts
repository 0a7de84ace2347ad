import { annualDecisions, finalDecisions, tierOrder } from '@campus/common';
import type { KpiName } from '../../components/kpi/kpi';

export { annualDecisions, finalDecisions, tierOrder };

export type EvaluationKind = 'annual' | 'final';

/** The decisions of an evaluation of this kind: the final review of a term decides differently. */
export const decisionsFor = (kind: EvaluationKind): readonly string[] => (kind === 'final' ? finalDecisions : annualDecisions);

/** The tier an upgrade leads to (DOMAIN.md order, deepest first), or null at the top. */
export function tierAbove(tier: string | null | undefined): string | null {
  const i = tierOrder.indexOf(tier as (typeof tierOrder)[number]);
  return i > 0 ? tierOrder[i - 1] : null;
}

export interface DecideValues {
  decision: string;
  reason: string;
  failingKpis: KpiName[];
  notice: string;
  deadline: string;
}

/**
 * What the decide form still needs, by field, as message keys: the same requirements as the
 * server's guard, checked before sending so that the user sees them at once. The server checks
 * again and its own messages are shown when it finds something else.
 */
export function decideProblems(values: DecideValues, kind: EvaluationKind, today: string): Record<string, string> {
  const problems: Record<string, string> = {};
  if (!decisionsFor(kind).includes(values.decision)) problems.decision = 'app.evaluation.need.decision';
  if (!values.reason.trim()) problems.reason = 'app.evaluation.need.reason';
  if (values.decision === 'rectify') {
    if (!values.failingKpis.length) problems.failingKpis = 'app.evaluation.need.failing_kpis';
    if (!values.notice.trim()) problems.notice = 'app.evaluation.need.notice';
    if (!/^\d{4}-\d{2}-\d{2}$/.test(values.deadline)) problems.deadline = 'app.evaluation.need.deadline';
    else if (values.deadline <= today) problems.deadline = 'app.evaluation.need.future_deadline';
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
