import { describe, expect, it } from 'vitest';
import { actionsOf } from '../workflow/types.js';
import { agreementTransitions } from '../workflow/agreement-transitions.js';
import { applicationTransitions } from '../workflow/application-transitions.js';
import { contentProposalTransitions, feedbackTransitions, providerReportTransitions } from '../workflow/provider-work-transitions.js';
import { examSessionTransitions } from '../workflow/exam-session-transitions.js';
import { examSiteTransitions } from '../workflow/exam-site-transitions.js';
import { agreementActions, applicationReviewActions, examSessionActions, examSiteActions, reviewActions } from './audit-event-types.js';

/** The audit event types name the transition actions of each table: the lists are the tables' own. */
describe('the audited transition actions', () => {
  it('are the actions of the transition tables (a deleted draft is audited as delete, with the deleted row)', () => {
    expect([...applicationReviewActions].sort()).toEqual(actionsOf(applicationTransitions).filter((a) => a !== 'delete').sort());
    expect([...agreementActions].sort()).toEqual(actionsOf(agreementTransitions).sort());
    expect([...reviewActions.provider_report].sort()).toEqual(actionsOf(providerReportTransitions).sort());
    expect([...reviewActions.content_proposal].sort()).toEqual(actionsOf(contentProposalTransitions).sort());
    expect([...reviewActions.feedback].sort()).toEqual(actionsOf(feedbackTransitions).sort());
    expect([...examSiteActions].sort()).toEqual(actionsOf(examSiteTransitions).sort());
    // The results import adds its own row (publish_results) and its audit event with it.
    expect(actionsOf(examSessionTransitions).filter((a) => a !== 'publish_results').sort()).toEqual([...examSessionActions].sort());
  });
});
