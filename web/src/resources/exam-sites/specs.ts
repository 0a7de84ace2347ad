import { examSiteTransitions, type ReviewContext, type TransitionTable } from '@campus/common';
import type { ActionSpec } from '../../components/workflow/ReviewActions';

/** HQ's decisions on a site: a decline and a suspension ask for the reason (the shared table's guard). */
export const examSiteReview = {
  resource: 'exam-sites',
  entity: 'exam_site',
  transitions: examSiteTransitions as unknown as TransitionTable<string, ReviewContext>,
  specs: {
    approve: { help: 'app.exam.approve_help' },
    decline: { field: 'reason', help: 'app.exam.decline_help', label: 'app.exam.reason' },
    suspend: { field: 'reason', help: 'app.exam.suspend_help', label: 'app.exam.reason' },
    reinstate: {},
  } satisfies Record<string, ActionSpec>,
};
