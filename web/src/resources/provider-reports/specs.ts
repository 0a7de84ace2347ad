import { providerReportTransitions } from '@campus/common';
import type { ActionSpec } from '../../components/workflow/ReviewActions';

/**
 * The school confirms a provider's practice report (its hours then count) or rejects it with a
 * reason; what each action needs is the shared table's guard (providerReportTransitions).
 */
export const providerReportActions: Record<string, ActionSpec> = {
  confirm: { help: 'app.work.provider_report.confirm_help' },
  reject: { field: 'comment', help: 'app.work.provider_report.reject_help', label: 'app.work.field.reason' },
};

export const providerReportReview = { resource: 'provider-reports', entity: 'provider_report', transitions: providerReportTransitions, specs: providerReportActions };
