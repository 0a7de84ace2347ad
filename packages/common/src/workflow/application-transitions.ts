import type { ApplicationState, Tier } from '../vocabulary.js';
import { guardProblem, type GuardProblem, type TransitionTable } from './types.js';

export interface PlanItemView { id: number; kind: string; title: string; needsPlatformSupport: boolean; approved: boolean | null }

/** What the application guards look at: the record, the action's input and the plan items. */
export interface ApplicationContext {
  tier: Tier;
  plan: Record<string, unknown>;
  pledge: boolean;
  planItems: PlanItemView[];
  input: { comment?: string; fieldComments?: Record<string, string>; planItemDecisions?: Record<string, boolean> };
  /** The school's region and how many active regional staff it has (unknown: as if it had staff). */
  region?: { id: number; activeStaff: number };
}

const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
const get = (o: Record<string, unknown>, path: string): unknown =>
  path.split('.').reduce<unknown>((acc, k) => (acc && typeof acc === 'object' ? (acc as Record<string, unknown>)[k] : undefined), o);

/** The fields a plan needs before it can be submitted (DOMAIN.md: "every required field, the pledge ticked"). */
export function missingForSubmit(ctx: ApplicationContext): GuardProblem[] {
  const p: GuardProblem[] = [];
  if (!text(get(ctx.plan, 'contact.name'))) p.push(guardProblem('plan.contact.name', 'contact_name_missing'));
  if (!/^[0-9+\-\s]{6,20}$/.test(text(get(ctx.plan, 'contact.phone')))) p.push(guardProblem('plan.contact.phone', 'contact_phone_missing'));
  if (get(ctx.plan, 'qualifications.cbecDisciplineBase') !== true) p.push(guardProblem('plan.qualifications.cbecDisciplineBase', 'discipline_base_missing'));
  if (ctx.tier === 'industry_college') {
    if (get(ctx.plan, 'qualifications.talentTrainingValued') !== true) p.push(guardProblem('plan.qualifications.talentTrainingValued', 'talent_training_missing'));
    if (!text(get(ctx.plan, 'qualifications.longTermPlan'))) p.push(guardProblem('plan.qualifications.longTermPlan', 'long_term_plan_missing'));
  }
  if (text(get(ctx.plan, 'summary')).length < 10) p.push(guardProblem('plan.summary', 'summary_too_short', { minimum: 10 }));
  if (['industry_college', 'talent_base', 'pilot_1x'].includes(ctx.tier) && !ctx.planItems.some((i) => i.kind === 'instructor')) {
    p.push(guardProblem('planItems', 'instructors_missing'));
  }
  if (!ctx.planItems.some((i) => i.kind === 'teaching_resource')) p.push(guardProblem('planItems', 'resources_missing'));
  if (!ctx.pledge) p.push(guardProblem('pledge', 'pledge_missing'));
  return p;
}

const needsReason = (ctx: ApplicationContext): GuardProblem[] =>
  text(ctx.input.comment) ? [] : [guardProblem('comment', 'rejection_reason_missing')];

const needsComments = (ctx: ApplicationContext): GuardProblem[] =>
  text(ctx.input.comment) || Object.values(ctx.input.fieldComments ?? {}).some((c) => text(c))
    ? []
    : [guardProblem('comment', 'revision_comments_missing')];

/** HQ must approve every plan item that needs platform support (in this action or before). */
export function unapprovedSupportItems(ctx: ApplicationContext): GuardProblem[] {
  const decisions = ctx.input.planItemDecisions ?? {};
  return ctx.planItems
    .filter((i) => i.needsPlatformSupport && (decisions[i.id] ?? i.approved) !== true)
    .map((i) => guardProblem(`planItemDecisions.${i.id}`, 'support_item_unapproved', { id: i.id, title: i.title }));
}

/** HQ takes the regional step only of a region without active regional staff (issue 13 item 9: no dead ends). */
export const regionWithoutStaff = (ctx: ApplicationContext): GuardProblem[] =>
  ctx.region && ctx.region.activeStaff === 0 ? [] : [guardProblem('region', 'region_has_staff')];

const forRegion = { when: regionWithoutStaff } as const;

/** DOMAIN.md "Application (申报)". */
export const applicationTransitions: TransitionTable<ApplicationState, ApplicationContext> = [
  { from: ['draft'], action: 'submit', roles: ['school'], to: 'pending_regional', needs: 'every required field, the pledge ticked', guard: missingForSubmit, effects: ['stampSubmission', 'notifyRegional'] },
  { from: ['pending_regional'], action: 'regional_approve', roles: ['regional'], to: 'pending_hq', effects: ['notifyHq', 'notifySchool'] },
  { from: ['pending_regional'], action: 'regional_reject', roles: ['regional'], to: 'rejected', needs: 'a reason', guard: needsReason, effects: ['stampDecision', 'releaseSchoolIfIdle', 'notifySchool'] },
  { from: ['pending_regional'], action: 'regional_return', roles: ['regional'], to: 'returned', needs: 'comments', guard: needsComments, effects: ['recordReviewComments', 'notifySchool'] },
  // The same step taken by HQ for a region that has no active regional staff; the audit event says so (actedForRegion).
  { from: ['pending_regional'], action: 'regional_approve', roles: ['hq'], ...forRegion, to: 'pending_hq', effects: ['recordActedForRegion', 'notifyHq', 'notifySchool'] },
  { from: ['pending_regional'], action: 'regional_reject', roles: ['hq'], ...forRegion, to: 'rejected', needs: 'a reason', guard: needsReason, effects: ['recordActedForRegion', 'stampDecision', 'releaseSchoolIfIdle', 'notifySchool'] },
  { from: ['pending_regional'], action: 'regional_return', roles: ['hq'], ...forRegion, to: 'returned', needs: 'comments', guard: needsComments, effects: ['recordActedForRegion', 'recordReviewComments', 'notifySchool'] },
  { from: ['pending_hq'], action: 'hq_approve', roles: ['hq'], to: 'approved', needs: 'every plan item that needs platform support approved', guard: unapprovedSupportItems, effects: ['stampDecision', 'recordPlanItemDecisions', 'createAgreement', 'notifySchool'] },
  { from: ['pending_hq'], action: 'hq_reject', roles: ['hq'], to: 'rejected', needs: 'a reason', guard: needsReason, effects: ['stampDecision', 'releaseSchoolIfIdle', 'notifySchool'] },
  { from: ['pending_hq'], action: 'hq_return', roles: ['hq'], to: 'returned', needs: 'comments', guard: needsComments, effects: ['recordReviewComments', 'recordPlanItemDecisions', 'notifySchool'] },
  { from: ['returned'], action: 'resubmit', roles: ['school'], to: 'pending_regional', needs: 'every required field, the pledge ticked', guard: missingForSubmit, effects: ['stampSubmission', 'notifyRegional'] },
  { from: ['pending_regional', 'pending_hq', 'returned'], action: 'withdraw', roles: ['school'], to: 'withdrawn', effects: ['stampDecision', 'releaseSchoolIfIdle'] },
  // Deleting a draft removes the record (DOMAIN.md: next state —); `to` keeps the draft's, nothing is left to be in it.
  { from: ['draft'], action: 'delete', roles: ['school'], to: 'draft', needs: 'nothing: only a draft can be deleted', effects: ['deleteDraft'] },
];

/** States in which the school may still edit the plan. */
export const editableApplicationStates: readonly ApplicationState[] = ['draft', 'returned'];
export const finalApplicationStates: readonly ApplicationState[] = ['approved', 'rejected', 'withdrawn'];
