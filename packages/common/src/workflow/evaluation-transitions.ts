import { guardProblem, type GuardProblem, type TransitionTable } from './types.js';
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
    return [guardProblem('decision', ctx.kind === 'final' ? 'decision_invalid_final' : 'decision_invalid', { allowed: [...allowed] })];
  }
  const p: GuardProblem[] = [];
  if (!reason?.trim()) p.push(guardProblem('reason', 'decision_reason_missing'));
  if (decision === 'rectify') {
    if (!failingKpis?.length) p.push(guardProblem('failingKpis', 'failing_kpis_missing'));
    else if (failingKpis.some((k) => !kpiNames.includes(k as KpiName))) p.push(guardProblem('failingKpis', 'failing_kpis_unknown', { allowed: [...kpiNames] }));
    if (!isDate(deadline)) p.push(guardProblem('deadline', 'deadline_missing'));
    else if (deadline <= ctx.today) p.push(guardProblem('deadline', 'deadline_not_future', { today: ctx.today }));
    if (!notice?.trim()) p.push(guardProblem('notice', 'notice_missing'));
  }
  if (decision === 'upgrade' && !ctx.nextTier) p.push(guardProblem('decision', 'upgrade_at_top'));
  return p;
}

/** DOMAIN.md "Evaluation": HQ opens (with a frozen snapshot), may refresh while open, and decides. */
export const evaluationTransitions: TransitionTable<EvaluationState, EvaluationContext> = [
  { from: ['open'], action: 'refresh', roles: ['hq'], to: 'open', needs: 'nothing', effects: ['refreshSnapshot'] },
  { from: ['open'], action: 'decide', roles: ['hq'], to: 'decided', needs: 'a decision and reason; rectify needs failing KPIs, a notice and a future deadline', guard: decisionProblems, effects: ['recordDecision', 'applyDecision', 'recomputeCompliance', 'notifySchool'] },
];

/** What each decision does to the partnership (DOMAIN.md "Agreement"): the effects `applyDecision` carries out. */
export const decisionEffects: Readonly<Record<EvaluationDecision, readonly string[]>> = {
  continue: [],
  rectify: ['startRectification'],
  terminate: ['terminateAgreement'],
  not_renew: ['expireAgreement'],
  renew: ['renewAgreement'],
  upgrade: ['openUpgradeApplication'],
};

/** The tier above, in DOMAIN.md's order (deepest first). */
export const tierOrder = ['industry_college', 'talent_base', 'pilot_1x', 'partner_school'] as const;
export function nextTierUp(tier: string): string | null {
  const i = tierOrder.indexOf(tier as (typeof tierOrder)[number]);
  return i > 0 ? tierOrder[i - 1] : null;
}
