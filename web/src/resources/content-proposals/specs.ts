import { contentProposalTransitions } from '@campus/common';
import type { ActionSpec } from '../../components/workflow/ReviewActions';

/**
 * HQ approves a provider's extra training content (with an optional comment) or rejects it with a
 * reason; what each action needs is the shared table's guard (contentProposalTransitions).
 */
export const contentProposalActions: Record<string, ActionSpec> = {
  approve: { field: 'comment', help: 'app.work.content_proposal.approve_help' },
  reject: { field: 'comment', help: 'app.work.content_proposal.reject_help', label: 'app.work.field.reason' },
};

export const contentProposalReview = { resource: 'content-proposals', entity: 'content_proposal', transitions: contentProposalTransitions, specs: contentProposalActions };
