import type { ApplicationState, Tier } from '../vocabulary.js';
import type { GuardProblem, TransitionTable } from './types.js';

export interface PlanItemView { id: number; kind: string; title: string; needsPlatformSupport: boolean; approved: boolean | null }

/** What the application guards look at: the record, the action's input and the plan items. */
export interface ApplicationContext {
  tier: Tier;
  plan: Record<string, unknown>;
  pledge: boolean;
  planItems: PlanItemView[];
  input: { comment?: string; fieldComments?: Record<string, string>; planItemDecisions?: Record<string, boolean> };
}

const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
const get = (o: Record<string, unknown>, path: string): unknown =>
  path.split('.').reduce<unknown>((acc, k) => (acc && typeof acc === 'object' ? (acc as Record<string, unknown>)[k] : undefined), o);

/** The fields a plan needs before it can be submitted (DOMAIN.md: "every required field, the pledge ticked"). */
export function missingForSubmit(ctx: ApplicationContext): GuardProblem[] {
  const p: GuardProblem[] = [];
  if (!text(get(ctx.plan, 'contact.name'))) p.push({ field: 'plan.contact.name', message: 'name the programme contact' });
  if (!/^[0-9+\-\s]{6,20}$/.test(text(get(ctx.plan, 'contact.phone')))) p.push({ field: 'plan.contact.phone', message: 'give a contact phone number' });
  if (get(ctx.plan, 'qualifications.cbecDisciplineBase') !== true) p.push({ field: 'plan.qualifications.cbecDisciplineBase', message: 'the school needs a cross-border e-commerce discipline base' });
  if (ctx.tier === 'industry_college') {
    if (get(ctx.plan, 'qualifications.talentTrainingValued') !== true) p.push({ field: 'plan.qualifications.talentTrainingValued', message: 'an Industry College must value CBEC talent training' });
    if (!text(get(ctx.plan, 'qualifications.longTermPlan'))) p.push({ field: 'plan.qualifications.longTermPlan', message: 'describe the long-term plan' });
  }
  if (text(get(ctx.plan, 'summary')).length < 10) p.push({ field: 'plan.summary', message: 'summarise the implementation plan (at least 10 characters)' });
  if (['industry_college', 'talent_base', 'pilot_1x'].includes(ctx.tier) && !ctx.planItems.some((i) => i.kind === 'instructor')) {
    p.push({ field: 'planItems', message: 'list the 1+X-certified instructors' });
  }
  if (!ctx.planItems.some((i) => i.kind === 'teaching_resource')) p.push({ field: 'planItems', message: 'choose the teaching resources from the official catalogue' });
  if (!ctx.pledge) p.push({ field: 'pledge', message: 'tick the pledge to meet the tier\'s conditions' });
  return p;
}

const needs = (field: 'comment', message: string) => (ctx: ApplicationContext): GuardProblem[] =>
  text(ctx.input.comment) ? [] : [{ field, message }];

const needsComments = (ctx: ApplicationContext): GuardProblem[] =>
  text(ctx.input.comment) || Object.values(ctx.input.fieldComments ?? {}).some((c) => text(c))
    ? []
    : [{ field: 'comment', message: 'say what the school must revise' }];

/** HQ must approve every plan item that needs platform support (in this action or before). */
export function unapprovedSupportItems(ctx: ApplicationContext): GuardProblem[] {
  const decisions = ctx.input.planItemDecisions ?? {};
  return ctx.planItems
    .filter((i) => i.needsPlatformSupport && (decisions[i.id] ?? i.approved) !== true)
    .map((i) => ({ field: `planItemDecisions.${i.id}`, message: `approve "${i.title}", which needs platform support, or return the plan` }));
}

/** DOMAIN.md "Application (申报)". */
export const applicationTransitions: TransitionTable<ApplicationState, ApplicationContext> = [
  { from: ['draft'], action: 'submit', roles: ['school'], to: 'pending_regional', needs: 'every required field, the pledge ticked', guard: missingForSubmit, effects: ['notify_regional'] },
  { from: ['pending_regional'], action: 'regional_approve', roles: ['regional'], to: 'pending_hq', effects: ['notify_hq', 'notify_school'] },
  { from: ['pending_regional'], action: 'regional_reject', roles: ['regional'], to: 'rejected', needs: 'a reason', guard: needs('comment', 'give the reason for the rejection'), effects: ['notify_school'] },
  { from: ['pending_regional'], action: 'regional_return', roles: ['regional'], to: 'returned', needs: 'comments', guard: needsComments, effects: ['notify_school'] },
  { from: ['pending_hq'], action: 'hq_approve', roles: ['hq'], to: 'approved', needs: 'every plan item that needs platform support approved', guard: unapprovedSupportItems, effects: ['record_plan_item_decisions', 'create_agreement', 'notify_school'] },
  { from: ['pending_hq'], action: 'hq_reject', roles: ['hq'], to: 'rejected', needs: 'a reason', guard: needs('comment', 'give the reason for the rejection'), effects: ['notify_school'] },
  { from: ['pending_hq'], action: 'hq_return', roles: ['hq'], to: 'returned', needs: 'comments', guard: needsComments, effects: ['record_plan_item_decisions', 'notify_school'] },
  { from: ['returned'], action: 'resubmit', roles: ['school'], to: 'pending_regional', needs: 'every required field, the pledge ticked', guard: missingForSubmit, effects: ['notify_regional'] },
  { from: ['pending_regional', 'pending_hq', 'returned'], action: 'withdraw', roles: ['school'], to: 'withdrawn' },
];

/** States in which the school may still edit the plan. */
export const editableApplicationStates: readonly ApplicationState[] = ['draft', 'returned'];
export const finalApplicationStates: readonly ApplicationState[] = ['approved', 'rejected', 'withdrawn'];
