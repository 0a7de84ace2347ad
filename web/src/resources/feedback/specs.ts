import { feedbackTransitions } from '@campus/common';
import type { ActionSpec } from '../../components/workflow/ReviewActions';
import type { WorkflowRecord } from '../../components/workflow/workflow-record';

/**
 * HQ replies to a school's feedback (the school sees the reply) and closes it once handled; what
 * each action needs is the shared table's guard (feedbackTransitions).
 */
export const feedbackActions: Record<string, ActionSpec> = {
  reply: {
    field: 'reply', help: 'app.work.feedback.reply_help', label: 'app.work.field.reply',
    initial: (record: WorkflowRecord) => (typeof record.reply === 'string' ? record.reply : ''),
  },
  close: { help: 'app.work.feedback.close_help' },
};

export const feedbackReview = { resource: 'feedback', entity: 'feedback', transitions: feedbackTransitions, specs: feedbackActions };
