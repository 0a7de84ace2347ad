import type { Role } from '../vocabulary.js';

/**
 * Which role may do what to which resource: the one table that the server's route guard and the
 * UI's canAccess both read. Row-level scope (region, school, provider assignment) is applied on top
 * of this by the server's scope filter, for every query.
 */
export type ResourceAction = 'list' | 'show' | 'create' | 'edit' | 'delete' | 'export' | 'import';

const read: ResourceAction[] = ['list', 'show', 'export'];
const write: ResourceAction[] = ['create', 'edit', 'delete'];
const all: ResourceAction[] = [...read, ...write, 'import'];

export const permissions: Record<string, Partial<Record<Role, ResourceAction[]>>> = {
  regions: { hq: [...read, 'edit'], regional: read, school: read, provider: read },
  schools: { hq: [...read, 'create', 'edit', 'delete', 'import'], regional: read, school: read, provider: read },
  // Regional staff manage the school accounts of their regions (server: users/account-access.ts, userSpec.scope).
  users: { hq: [...read, 'create', 'edit', 'import'], regional: [...read, 'create', 'edit', 'import'] },
  'tier-policies': { hq: [...read, 'create', 'edit'], regional: read, school: read, provider: read },
  'audit-events': { hq: read, regional: read, school: read },
  applications: { hq: read, regional: read, school: [...read, 'create', 'edit', 'delete'] },
  agreements: { hq: [...read, 'create', 'import'], regional: read, school: read, provider: read },
  evaluations: { hq: [...read, 'create'], regional: read, school: read },
  compliance: { hq: read, regional: read, school: read, provider: read },
  instructors: { hq: read, regional: read, school: all },
  courses: { hq: read, regional: read, school: all, provider: read },
  students: { hq: read, regional: read, school: all, provider: read },
  certificates: { hq: read, regional: read, school: all },
  'practice-records': { hq: read, regional: read, school: all, provider: [...read, 'create', 'import'] },
  'job-registrations': { hq: read, regional: read, school: all },
  'job-fairs': { hq: read, regional: read, school: all },
  'course-completions': { hq: read, regional: read, school: all },
  evidence: { hq: [...read, 'create', 'delete'], regional: read, school: [...read, 'create', 'delete'], provider: [...read, 'create'] },
  providers: { hq: [...read, 'create', 'edit'], regional: read, school: read, provider: read },
  'provider-reports': { hq: read, regional: read, school: read, provider: [...read, 'create'] },
  'content-proposals': { hq: read, provider: [...read, 'create'] },
  feedback: { hq: read, school: [...read, 'create'] },
  notifications: { hq: read, regional: read, school: read, provider: read },
  'join-requests': { hq: read, regional: read },
  // The outbox: every mail the product wrote, for HQ (retry is HQ's, server: modules/mail).
  'mail-outbox': { hq: [...read, 'edit'] },
  // Instructor trainings (师资培训, issue 18 item 5): HQ records them and their participants; regional staff read every
  // training and their regions' participants, a school the trainings its instructors took and its own participants.
  'instructor-trainings': { hq: [...read, 'create', 'edit', 'import'], regional: read, school: read },
  'instructor-training-participants': { hq: [...read, 'delete'], regional: read, school: read },
  // A session's results: HQ imports them (server: modules/exam-results); the reconciliation of claimed and verified
  // certificate numbers is HQ's, and regional staff's for their regions' schools.
  'exam-results': { hq: ['import'] },
  'certificate-reconciliation': { hq: read, regional: read },
  // Exam sites (考点): a school proposes its own, staff a venue of their regions; HQ decides (server: modules/exam-sites).
  'exam-sites': { hq: [...read, 'create', 'edit'], regional: [...read, 'create', 'edit'], school: [...read, 'create', 'edit'] },
  // Exam sessions: HQ schedules them; every signed-in user but providers reads them (server: modules/exam-sessions).
  'exam-sessions': { hq: [...read, 'create', 'edit'], regional: read, school: read },
  // Candidates: a school registers (one, many, a file) and withdraws its own students; staff read those of their scope.
  'exam-candidates': { hq: read, regional: read, school: [...read, 'create', 'delete', 'import'] },
  // HQ's annual programme report (server: modules/reports): HQ for every region, regional staff for theirs.
  reports: { hq: ['list', 'export'], regional: ['list', 'export'] },
};

export function canAccess(role: Role | undefined, resource: string, action: ResourceAction): boolean {
  if (!role) return false;
  return permissions[resource]?.[role]?.includes(action) ?? false;
}
