import { examSessionTransitions, type ReviewContext, type TransitionTable } from '@campus/common';
import type { ActionSpec } from '../../components/workflow/ReviewActions';

/** HQ closes registration (a confirmation) or cancels a session (with an optional comment the audit keeps). */
export const examSessionReview = {
  resource: 'exam-sessions',
  entity: 'exam_session',
  transitions: examSessionTransitions as unknown as TransitionTable<string, ReviewContext>,
  // HQ publishes results by importing them (resources/exam-results: the page's "import results").
  omit: ['publish_results'],
  specs: {
    close_registration: { help: 'app.exam.close_help' },
    cancel: { field: 'comment', help: 'app.exam.cancel_help' },
  } satisfies Record<string, ActionSpec>,
};
