import type { GuardProblem, TransitionTable } from './types.js';
import type { KpiName } from '../kpi/kpi-names.js';
import { kpiNames } from '../kpi/kpi-names.js';

export type EvaluationState = 'open' | 'decided';
export type EvaluationKind = 'annual' | 'final';

/** The decisions of DOMAIN.md: annual evaluations, and the final review of a term's last year. */
export const annualDecisions = ['continue', 'rectify', 'upgrade', 'terminate'] as const;
export const finalDecisions = ['renew', 'upgrade', 'not_renew', 'terminate'] as const;
export type EvaluationDecision = (typeof annualDecisions)[number] | (typeof finalDecisions)[number];

export interface EvaluationContext {
  kind: EvaluationKind;
  today: string;
  /** The tier an upgrade would move to; null at the top (Industry College). */
  nextTier: string | null;
  input: { decision?: string; reason?: string; deadline?: string; failingKpis?: string[]; notice?: string };
}

const isDate = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v));

export function decisionProblems(ctx: EvaluationContext): GuardProblem[] {
  const { decision, reason, deadline, failingKpis, notice } = ctx.input;
  const allowed: readonly string[] = ctx.kind === 'final' ? finalDecisions : annualDecisions;
  if (!decision || !allowed.includes(decision)) {
    return [{ field: 'decision', message: `choose one of: ${allowed.join(', ')}${ctx.kind === 'final' ? ' (this is the final review of the term)' : ''}` }];
  }
  const p: GuardProblem[] = [];
  if (!reason?.trim()) p.push({ field: 'reason', message: 'give the reason for the decision' });
  if (decision === 'rectify') {
    if (!failingKpis?.length) p.push({ field: 'failingKpis', message: 'name the KPIs to rectify' });
    else if (failingKpis.some((k) => !kpiNames.includes(k as KpiName))) p.push({ field: 'failingKpis', message: `name KPIs among: ${kpiNames.join(', ')}` });
    if (!isDate(deadline)) p.push({ field: 'deadline', message: 'set a deadline (YYYY-MM-DD)' });
    else if (deadline <= ctx.today) p.push({ field: 'deadline', message: 'the deadline must be in the future' });
    if (!notice?.trim()) p.push({ field: 'notice', message: 'write the rectification notice to the school' });
  }
  if (decision === 'upgrade' && !ctx.nextTier) p.push({ field: 'decision', message: 'an Industry College is the highest tier; it cannot be upgraded' });
  return p;
}

/** DOMAIN.md "Evaluation": HQ opens (with a frozen snapshot), may refresh while open, and decides. */
export const evaluationTransitions: TransitionTable<EvaluationState, EvaluationContext> = [
  { from: ['open'], action: 'refresh', roles: ['hq'], to: 'open', needs: 'nothing', effects: ['refresh_snapshot'] },
  { from: ['open'], action: 'decide', roles: ['hq'], to: 'decided', needs: 'a decision and reason; rectify needs failing KPIs, a notice and a future deadline', guard: decisionProblems, effects: ['apply_decision', 'notify_school'] },
];

/** The tier above, in DOMAIN.md's order (deepest first). */
export const tierOrder = ['industry_college', 'talent_base', 'pilot_1x', 'partner_school'] as const;
export function nextTierUp(tier: string): string | null {
  const i = tierOrder.indexOf(tier as (typeof tierOrder)[number]);
  return i > 0 ? tierOrder[i - 1] : null;
}
