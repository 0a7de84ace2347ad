import { joinRequestTransitions, type ReviewContext, type TransitionTable } from '@campus/common';
import type { ActionSpec } from '../../components/workflow/ReviewActions';

/**
 * Regional staff (or HQ) accept a confirmed request (a plain confirmation: the school, its
 * administrator and the invitation follow) or decline it with a reason, which is mailed; what each
 * action needs is the shared table's guard (joinRequestTransitions).
 */
export const joinRequestActions: Record<string, ActionSpec> = {
  accept: { help: 'app.join_request.accept_help' },
  decline: { field: 'reason', help: 'app.join_request.decline_help', label: 'app.join_request.reason' },
};

export const joinRequestReview = {
  resource: 'join-requests',
  entity: 'join_request',
  // The dialog reads the guard with the field it asks for (`reason`), as the server does.
  transitions: joinRequestTransitions as unknown as TransitionTable<string, ReviewContext>,
  specs: joinRequestActions,
};
