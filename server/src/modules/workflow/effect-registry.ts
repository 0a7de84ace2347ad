import { applicationEffects, type ApplicationRun } from '../applications/application-effects.js';
import { agreementEffects, type AgreementRun } from '../agreements/agreement-effects.js';
import { decisionOutcomes, evaluationEffects, type EvaluationRun } from '../evaluations/evaluation-effects.js';
import { contentProposalEffects, feedbackEffects, providerReportEffects } from '../provider-work/review-effects.js';
import type { Effects } from './effects.js';
import type { ReviewRun } from './review-workflow.js';
import { joinRequestEffects, type JoinRun } from '../join-requests/join-effects.js';
import { examSiteEffects, type ExamSiteRun } from '../exam-sites/run-exam-site-action.js';
import { examSessionEffects, type ExamSessionRun } from '../exam-sessions/run-exam-session-action.js';
import { examResultEffects } from '../exam-results/publish-results.js';

/**
 * The one registry of side effects: for each transition table of @campus/common, the
 * implementation of every effect name its rows list (and, for evaluations, of every name
 * `decisionEffects` lists). Runners never choose an effect by the action's name; they carry out
 * what the table row names, through this registry. effect-registry.test.ts keeps both sides equal.
 */
export const effectRegistry: {
  application: Effects<ApplicationRun>;
  agreement: Effects<AgreementRun>;
  evaluation: Effects<EvaluationRun>;
  evaluationDecision: Effects<EvaluationRun>;
  provider_report: Effects<ReviewRun>;
  content_proposal: Effects<ReviewRun>;
  feedback: Effects<ReviewRun>;
  join_request: Effects<JoinRun>;
  exam_site: Effects<ExamSiteRun>;
  exam_session: Effects<ExamSessionRun>;
} = {
  application: applicationEffects,
  agreement: agreementEffects,
  evaluation: evaluationEffects,
  evaluationDecision: decisionOutcomes,
  provider_report: providerReportEffects,
  content_proposal: contentProposalEffects,
  feedback: feedbackEffects,
  join_request: joinRequestEffects,
  exam_site: examSiteEffects,
  // The results import's publish_results row (modules/exam-results) beside the session's own actions.
  exam_session: { ...examSessionEffects, ...examResultEffects },
};
