import type { ActionSpec } from '../evaluations/ActionButtons';

/** HQ approves a provider's extra training content (with an optional comment) or rejects it with a reason. */
export const contentProposalActions: Record<string, ActionSpec> = {
  approve: { field: 'comment', color: 'success', variant: 'contained', help: 'app.work.content_proposal.approve_help' },
  reject: { field: 'comment', required: true, color: 'error', help: 'app.work.content_proposal.reject_help', label: 'app.work.field.reason' },
};
