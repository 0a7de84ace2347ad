import { sql } from 'drizzle-orm';
import { contentProposals, feedback, providerReports } from '../../db/schema/index.js';
import { contentProposalTransitions, feedbackTransitions, providerReportTransitions } from '@campus/common';
import { schoolScopeCondition } from '../access/scope-filter.js';
import { effectRegistry } from '../workflow/effect-registry.js';
import type { ReviewWorkflow } from '../workflow/review-workflow.js';
import { providerReportScope, providerReportSpec } from './provider-report-spec.js';
import { contentProposalScope, contentProposalSpec } from './content-proposal-spec.js';
import { feedbackSpec } from './feedback-spec.js';

/** The school confirms or rejects a provider's report; its comment is kept on the report. */
export const providerReportReview: ReviewWorkflow = {
  spec: providerReportSpec, table: providerReports, entityType: 'provider_report', transitions: providerReportTransitions as never,
  columns: { id: providerReports.id, status: providerReports.status, version: providerReports.version, schoolId: providerReports.schoolId },
  scope: providerReportScope,
  record: (input) => ({ reviewComment: input.comment ?? null, updatedAt: sql`now()` }),
  effects: effectRegistry.provider_report,
};

/** HQ approves or rejects a provider's training content, with its reason. */
export const contentProposalReview: ReviewWorkflow = {
  spec: contentProposalSpec, table: contentProposals, entityType: 'content_proposal', transitions: contentProposalTransitions as never,
  columns: { id: contentProposals.id, status: contentProposals.status, version: contentProposals.version, schoolId: contentProposals.schoolId },
  scope: contentProposalScope,
  record: (input, actor) => ({ decisionReason: input.comment ?? null, decidedBy: actor.id, decidedAt: sql`now()` }),
  effects: effectRegistry.content_proposal,
};

/** HQ replies to a school's feedback about its provider, then closes it. */
export const feedbackReview: ReviewWorkflow = {
  spec: feedbackSpec, table: feedback, entityType: 'feedback', transitions: feedbackTransitions as never,
  columns: { id: feedback.id, status: feedback.status, version: feedback.version, schoolId: feedback.schoolId },
  scope: (scope) => schoolScopeCondition(scope, feedback.schoolId),
  effects: effectRegistry.feedback,
};
