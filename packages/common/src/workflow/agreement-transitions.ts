import type { AgreementState } from '../vocabulary.js';
import { guardProblem, type GuardProblem, type TransitionTable } from './types.js';

/** The tier policy's signing rules, read from data (DOMAIN.md "signing" and "acceptance inspection"). */
export interface SigningRules { requiresSigning: boolean; requiresPlaque: boolean; requiresInspection: boolean }

/** The dates of the steps already taken (YYYY-MM-DD): a later step may not be dated before them. */
export interface AgreementSteps { approvedOn?: string | null; signedOn?: string | null; plaqueOn?: string | null }

export interface AgreementContext {
  rules: SigningRules;
  today: string;
  steps?: AgreementSteps;
  input: {
    comment?: string;
    on?: string;
    place?: string;
    missing?: string[];
    checklist?: { instructorsInPlace?: boolean; resourcesConfigured?: boolean };
  };
}

const isDate = (v: unknown) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v));

/** The steps of the path, named by the terms the message catalogues word (approval, signing, plaque_ceremony, inspection). */
type Step = 'approval' | 'signing' | 'plaque_ceremony' | 'inspection';
const stepNames: Record<keyof AgreementSteps, Step> = { approvedOn: 'approval', signedOn: 'signing', plaqueOn: 'plaque_ceremony' };

/**
 * DOMAIN.md "KPI edge rules": approval ≤ signing ≤ plaque ceremony ≤ inspection ≤ today. The step's
 * date is checked against today and against every earlier step already recorded.
 */
const dateInOrder = (ctx: AgreementContext, step: Step, earlier: (keyof AgreementSteps)[]): GuardProblem[] => {
  if (!isDate(ctx.input.on)) return [guardProblem('on', 'step_date_missing', { step })];
  const on = ctx.input.on!;
  if (on > ctx.today) return [guardProblem('on', 'step_date_in_future', { step, today: ctx.today })];
  for (const earlierStep of [...earlier].reverse()) {
    const before = ctx.steps?.[earlierStep];
    if (before && on < before) return [guardProblem('on', 'step_date_before', { step, earlier: stepNames[earlierStep], date: before })];
  }
  return [];
};

/** The state an agreement reaches once the steps before it are done, per the tier policy. */
export function stateAfterSigning(rules: SigningRules): AgreementState {
  if (rules.requiresPlaque) return 'pending_plaque';
  return rules.requiresInspection ? 'pending_inspection' : 'active';
}
export function stateAfterPlaque(rules: SigningRules): AgreementState {
  return rules.requiresInspection ? 'pending_inspection' : 'active';
}
/** The state a newly approved partnership starts in. */
export function initialAgreementState(rules: SigningRules): AgreementState {
  if (rules.requiresSigning) return 'pending_signing';
  return rules.requiresInspection ? 'pending_inspection' : 'active';
}

/** DOMAIN.md "Agreement (合作协议)": every action is HQ's. Evaluation decisions live in the evaluation table. */
export const agreementTransitions: TransitionTable<AgreementState, AgreementContext> = [
  { from: ['pending_signing'], action: 'sign', roles: ['hq'], to: (c) => stateAfterSigning(c.rules), needs: 'the signing date', guard: (c) => dateInOrder(c, 'signing', ['approvedOn']), effects: ['recordSigning', 'activateIfActive', 'recomputeCompliance', 'notifySchool'] },
  { from: ['pending_plaque'], action: 'hold_plaque_ceremony', roles: ['hq'], to: (c) => stateAfterPlaque(c.rules), needs: 'the date and place (a photo as evidence)',
    guard: (c) => [...dateInOrder(c, 'plaque_ceremony', ['approvedOn', 'signedOn']), ...(c.input.place?.trim() ? [] : [guardProblem('place', 'ceremony_place_missing')])], effects: ['recordPlaqueCeremony', 'activateIfActive', 'recomputeCompliance', 'notifySchool'] },
  { from: ['pending_inspection'], action: 'pass_inspection', roles: ['hq'], to: 'active', needs: 'instructors in place and teaching resources configured',
    guard: (c) => [
      ...dateInOrder(c, 'inspection', ['approvedOn', 'signedOn', 'plaqueOn']),
      ...(c.input.checklist?.instructorsInPlace === true ? [] : [guardProblem('checklist.instructorsInPlace', 'instructors_not_confirmed')]),
      ...(c.input.checklist?.resourcesConfigured === true ? [] : [guardProblem('checklist.resourcesConfigured', 'resources_not_confirmed')]),
    ], effects: ['recordInspectionPassed', 'activate', 'recomputeCompliance', 'notifySchool'] },
  { from: ['pending_inspection'], action: 'fail_inspection', roles: ['hq'], to: 'pending_inspection', needs: 'what is missing',
    guard: (c) => [
      ...dateInOrder(c, 'inspection', ['approvedOn', 'signedOn', 'plaqueOn']),
      ...((c.input.missing ?? []).some((m) => m.trim()) ? [] : [guardProblem('missing', 'missing_not_recorded')]),
    ], effects: ['recordFinding', 'recomputeCompliance', 'notifySchool'] },
  { from: ['rectifying'], action: 'close_rectification', roles: ['hq'], to: 'active', needs: 'a comment', guard: (c) => (c.input.comment?.trim() ? [] : [guardProblem('comment', 'rectification_comment_missing')]), effects: ['closeRectification', 'recomputeCompliance', 'notifySchool'] },
  { from: ['rectifying'], action: 'terminate', roles: ['hq'], to: 'terminated', needs: 'a reason', guard: (c) => (c.input.comment?.trim() ? [] : [guardProblem('comment', 'termination_reason_missing')]), effects: ['endPartnership', 'recomputeCompliance', 'notifySchool'] },
];
