import type { ExamSessionState } from '../vocabulary.js';
import type { TransitionTable } from './types.js';

export interface ExamSessionContext { input: { comment?: string } }

/**
 * An exam session (统考 or a site's session): scheduled by HQ, schools register candidates while its
 * window is open; HQ closes registration (the candidate lists are then final) or cancels the session.
 * The schools with candidates hear of either. (Publishing the results of a closed session is the
 * results import's row, `closed → results_published`.)
 */
export const examSessionTransitions: TransitionTable<ExamSessionState, ExamSessionContext> = [
  { from: ['scheduled'], action: 'close_registration', roles: ['hq'], to: 'closed', effects: ['notifySchools'] },
  { from: ['scheduled'], action: 'cancel', roles: ['hq'], to: 'cancelled', effects: ['notifySchools'] },
  // The results import (server: modules/exam-results): every candidate's result, the passes' certificates issued verified.
  { from: ['closed'], action: 'publish_results', roles: ['hq'], to: 'results_published', effects: ['issueCertificates', 'recordResults', 'recomputeCompliance'] },
];
