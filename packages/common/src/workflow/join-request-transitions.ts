import type { JoinRequestState } from '../vocabulary.js';
import { guardProblem, type TransitionTable } from './types.js';

export interface JoinRequestContext { input: { reason?: string } }

/**
 * A school's request to join (DOMAIN.md "Joining"): once its e-mail is confirmed (unconfirmed →
 * pending, by the requester's link, outside this table) the staff of its province's region, or HQ,
 * accept it (the school and its administrator's invitation are created) or decline it with a reason,
 * which is mailed to the requester.
 */
export const joinRequestTransitions: TransitionTable<JoinRequestState, JoinRequestContext> = [
  { from: ['pending'], action: 'accept', roles: ['hq', 'regional'], to: 'accepted', effects: ['createSchool', 'inviteAdministrator'] },
  {
    from: ['pending'], action: 'decline', roles: ['hq', 'regional'], to: 'declined', needs: 'a reason',
    guard: (c) => (c.input.reason?.trim() ? [] : [guardProblem('reason', 'join_decline_reason_missing')]), effects: ['recordReason', 'mailDecline'],
  },
];
