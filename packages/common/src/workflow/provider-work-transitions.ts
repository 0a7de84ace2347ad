import type { ProblemCode } from '../problem/problem-codes.js';
import { guardProblem, type GuardProblem, type TransitionTable } from './types.js';

export interface ReviewContext { input: { comment?: string; reply?: string } }

const needsComment = (code: ProblemCode) => (c: ReviewContext): GuardProblem[] => (c.input.comment?.trim() ? [] : [guardProblem('comment', code)]);

/** A provider's practice-project report: the school confirms it (and its hours count) or rejects it. */
export const providerReportTransitions: TransitionTable<'submitted' | 'confirmed' | 'rejected', ReviewContext> = [
  { from: ['submitted'], action: 'confirm', roles: ['school'], to: 'confirmed', effects: ['confirmHours', 'notifyProvider'] },
  { from: ['submitted'], action: 'reject', roles: ['school'], to: 'rejected', needs: 'a reason', guard: needsComment('report_rejection_reason_missing'), effects: ['notifyProvider'] },
];

/** Extra training content a provider proposes: HQ approves or rejects before it may be used. */
export const contentProposalTransitions: TransitionTable<'pending' | 'approved' | 'rejected', ReviewContext> = [
  { from: ['pending'], action: 'approve', roles: ['hq'], to: 'approved', effects: ['notifyProvider'] },
  { from: ['pending'], action: 'reject', roles: ['hq'], to: 'rejected', needs: 'a reason', guard: needsComment('proposal_rejection_reason_missing'), effects: ['notifyProvider'] },
];

/** A school's feedback about its provider: HQ replies, then closes it. */
export const feedbackTransitions: TransitionTable<'open' | 'replied' | 'closed', ReviewContext> = [
  { from: ['open', 'replied'], action: 'reply', roles: ['hq'], to: 'replied', needs: 'the reply', guard: (c) => (c.input.reply?.trim() ? [] : [guardProblem('reply', 'reply_missing')]), effects: ['recordReply', 'notifySchool'] },
  { from: ['open', 'replied'], action: 'close', roles: ['hq'], to: 'closed', effects: ['notifySchool'] },
];
