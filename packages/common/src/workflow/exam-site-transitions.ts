import type { ExamSiteState } from '../vocabulary.js';
import { guardProblem, type TransitionTable } from './types.js';

export interface ExamSiteContext { input: { reason?: string } }

const reasonGiven = (c: ExamSiteContext) => (c.input.reason?.trim() ? [] : [guardProblem('reason', 'exam_site_reason_missing')]);

/**
 * An exam site (考点, DOMAIN.md "Exam sites and sessions"): proposed by a school (its own) or by staff
 * (a venue of a region), approved or declined by HQ (a decline says why), and suspended by HQ (with
 * the reason) until HQ reinstates it. Only an approved site can be given to a new exam session. The
 * proposing school hears of every decision.
 */
export const examSiteTransitions: TransitionTable<ExamSiteState, ExamSiteContext> = [
  { from: ['proposed'], action: 'approve', roles: ['hq'], to: 'approved', effects: ['recordDecision', 'notifyProposer'] },
  { from: ['proposed'], action: 'decline', roles: ['hq'], to: 'declined', needs: 'a reason', guard: reasonGiven, effects: ['recordDecision', 'notifyProposer'] },
  { from: ['approved'], action: 'suspend', roles: ['hq'], to: 'suspended', needs: 'a reason', guard: reasonGiven, effects: ['recordDecision', 'notifyProposer'] },
  { from: ['suspended'], action: 'reinstate', roles: ['hq'], to: 'approved', effects: ['recordDecision', 'notifyProposer'] },
];
