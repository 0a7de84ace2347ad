// The one role → resource table, shared with the server's route guard.
export {
  canAccess,
  permissions,
  type ResourceAction,
} from '../../../server/src/domain/access/permissions';
export type { Role } from '../../../server/src/db/schema/enums';
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
} from '../../../server/src/db/schema/enums';
