// The one role → resource table, shared with the server's route guard.
export {
  canAccess,
  permissions,
  type ResourceAction,
} from '@campus/common';
export type { Role } from '@campus/common';
export {
  roles,
  tiers,
  schoolStatuses,
  applicationStates,
  agreementStates,
  evaluationStates,
  evaluationDecisions,
  providerReportStates,
  contentProposalStates,
  feedbackStates,
} from '@campus/common';
