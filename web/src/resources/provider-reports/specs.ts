import type { ActionSpec } from '../evaluations/ActionButtons';

/** The school confirms a provider's practice report (its hours then count) or rejects it with a reason. */
export const providerReportActions: Record<string, ActionSpec> = {
  confirm: { color: 'success', variant: 'contained', help: 'app.work.provider_report.confirm_help' },
  reject: { field: 'comment', required: true, color: 'error', help: 'app.work.provider_report.reject_help', label: 'app.work.field.reason' },
};
