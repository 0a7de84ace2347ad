import type { ResourceModule } from './types';
import schools from './schools';
import applications from './applications';
import agreements from './agreements';
import tierPolicies from './tier-policies';
import regions from './regions';
import auditEvents from './audit-events';
import users from './users';
import notifications from './notifications';
import compliance from './compliance';
import students from './students';
import certificates from './certificates';
import practiceRecords from './practice-records';
import jobRegistrations from './job-registrations';
import jobFairs from './job-fairs';
import instructors from './instructors';
import courses from './courses';
import courseCompletions from './course-completions';
import evaluations from './evaluations';
import providerReports from './provider-reports';
import contentProposals from './content-proposals';
import feedback from './feedback';
import providers from './providers';
import joinRequests from './join-requests';
import instructorTrainings from './instructor-trainings';
import examSites from './exam-sites';
import examSessions from './exam-sessions';
import examCandidates from './exam-candidates';
import certificateReconciliation from './certificate-reconciliation';
import mailOutbox from './mail-outbox';
import reports from './reports';

export type { ResourceModule };

/**
 * Every resource of the SPA, by its API name, in menu order. A new resource is a folder with an
 * index.ts and one line here; who sees it comes from the shared permissions table.
 */
export const resourceModules: Record<string, ResourceModule> = {
  schools,
  applications,
  agreements,
  'tier-policies': tierPolicies,
  compliance,
  evaluations,
  reports,
  'provider-reports': providerReports,
  'content-proposals': contentProposals,
  feedback,
  providers,
  'join-requests': joinRequests,
  'exam-sites': examSites,
  'exam-sessions': examSessions,
  'exam-candidates': examCandidates,
  'certificate-reconciliation': certificateReconciliation,
  students,
  certificates,
  'practice-records': practiceRecords,
  'job-registrations': jobRegistrations,
  'job-fairs': jobFairs,
  instructors,
  'instructor-trainings': instructorTrainings,
  courses,
  'course-completions': courseCompletions,
  regions,
  'audit-events': auditEvents,
  users,
  notifications,
  'mail-outbox': mailOutbox,
};
