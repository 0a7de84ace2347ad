import type { AgreementState } from '../vocabulary.js';
import type { GuardProblem, TransitionTable } from './types.js';

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

const stepNames: Record<keyof AgreementSteps, string> = { approvedOn: 'approval', signedOn: 'signing', plaqueOn: 'plaque ceremony' };

/**
 * DOMAIN.md "KPI edge rules": approval ≤ signing ≤ plaque ceremony ≤ inspection ≤ today. The step's
 * date is checked against today and against every earlier step already recorded.
 */
const dateInOrder = (ctx: AgreementContext, what: string, earlier: (keyof AgreementSteps)[]): GuardProblem[] => {
  if (!isDate(ctx.input.on)) return [{ field: 'on', message: `give the date of the ${what} (YYYY-MM-DD)` }];
  const on = ctx.input.on!;
  if (on > ctx.today) return [{ field: 'on', message: `the ${what} cannot be in the future` }];
  for (const step of [...earlier].reverse()) {
    const before = ctx.steps?.[step];
    if (before && on < before) return [{ field: 'on', message: `the ${what} cannot be before the ${stepNames[step]} (${before})` }];
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
  { from: ['pending_signing'], action: 'sign', roles: ['hq'], to: (c) => stateAfterSigning(c.rules), needs: 'the signing date', guard: (c) => dateInOrder(c, 'signing', ['approvedOn']), effects: ['activate_if_active', 'notify_school'] },
  { from: ['pending_plaque'], action: 'hold_plaque_ceremony', roles: ['hq'], to: (c) => stateAfterPlaque(c.rules), needs: 'the date and place (a photo as evidence)',
    guard: (c) => [...dateInOrder(c, 'plaque ceremony', ['approvedOn', 'signedOn']), ...(c.input.place?.trim() ? [] : [{ field: 'place', message: 'give the place of the ceremony' }])], effects: ['activate_if_active', 'notify_school'] },
  { from: ['pending_inspection'], action: 'pass_inspection', roles: ['hq'], to: 'active', needs: 'instructors in place and teaching resources configured',
    guard: (c) => [
      ...dateInOrder(c, 'inspection', ['approvedOn', 'signedOn', 'plaqueOn']),
      ...(c.input.checklist?.instructorsInPlace === true ? [] : [{ field: 'checklist.instructorsInPlace', message: 'confirm the instructors are in place, or fail the inspection' }]),
      ...(c.input.checklist?.resourcesConfigured === true ? [] : [{ field: 'checklist.resourcesConfigured', message: 'confirm the teaching resources are configured, or fail the inspection' }]),
    ], effects: ['activate', 'notify_school'] },
  { from: ['pending_inspection'], action: 'fail_inspection', roles: ['hq'], to: 'pending_inspection', needs: 'what is missing',
    guard: (c) => [
      ...dateInOrder(c, 'inspection', ['approvedOn', 'signedOn', 'plaqueOn']),
      ...((c.input.missing ?? []).some((m) => m.trim()) ? [] : [{ field: 'missing', message: 'record what is missing' }]),
    ], effects: ['record_finding', 'notify_school'] },
  { from: ['rectifying'], action: 'close_rectification', roles: ['hq'], to: 'active', needs: 'a comment', guard: (c) => (c.input.comment?.trim() ? [] : [{ field: 'comment', message: 'say why the rectification is closed' }]), effects: ['notify_school'] },
  { from: ['rectifying'], action: 'terminate', roles: ['hq'], to: 'terminated', needs: 'a reason', guard: (c) => (c.input.comment?.trim() ? [] : [{ field: 'comment', message: 'give the reason for terminating' }]), effects: ['end_partnership', 'notify_school'] },
];
