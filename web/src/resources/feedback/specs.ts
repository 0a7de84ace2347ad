import type { ActionSpec } from '../evaluations/ActionButtons';
import type { WorkflowRecord } from '../evaluations/workflow';

/** HQ replies to a school's feedback (the school sees the reply) and closes it once handled. */
export const feedbackActions: Record<string, ActionSpec> = {
  reply: {
    field: 'reply', required: true, variant: 'contained', help: 'app.work.feedback.reply_help', label: 'app.work.field.reply',
    initial: (record: WorkflowRecord) => (typeof record.reply === 'string' ? record.reply : ''),
  },
  close: { help: 'app.work.feedback.close_help' },
};
