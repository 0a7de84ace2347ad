import * as s from '@campus/server/db/schema/index.js';
import type { Tier } from '@campus/server/db/schema/index.js';
import type { AuditInput } from '@campus/server/modules/audit/audit-repository.js';
import type { IdSource } from './lib/bulk.js';
import type { Random } from './lib/random.js';
import type { Thresholds } from './kpi.js';
import type { RegionCode } from '@campus/server/modules/reference-data/reference-data.js';
import { GIVEN_CHARS, GIVEN_NAMES, SURNAMES } from './demo-data.js';

type Insert<T extends { $inferInsert: unknown }> = T['$inferInsert'];

/** Every row of the demo set, built in memory and inserted table by table in this order. */
export interface Rows {
  schools: Insert<typeof s.schools>[];
  providers: Insert<typeof s.providers>[];
  providerAssignments: Insert<typeof s.providerAssignments>[];
  users: Insert<typeof s.users>[];
  userRegions: Insert<typeof s.userRegions>[];
  applications: Insert<typeof s.applications>[];
  planItems: Insert<typeof s.applicationPlanItems>[];
  agreements: Insert<typeof s.agreements>[];
  evaluations: Insert<typeof s.evaluations>[];
  instructors: Insert<typeof s.instructors>[];
  instructorCertifications: Insert<typeof s.instructorCertifications>[];
  courses: Insert<typeof s.courses>[];
  requiredCourses: Insert<typeof s.schoolRequiredCourses>[];
  students: Insert<typeof s.students>[];
  completions: Insert<typeof s.courseCompletions>[];
  certificates: Insert<typeof s.certificates>[];
  practice: Insert<typeof s.practiceRecords>[];
  jobRegistrations: Insert<typeof s.jobRegistrations>[];
  jobApplications: Insert<typeof s.jobApplications>[];
  jobFairs: Insert<typeof s.jobFairs>[];
  providerReports: Insert<typeof s.providerReports>[];
  contentProposals: Insert<typeof s.contentProposals>[];
  feedback: Insert<typeof s.feedback>[];
  notifications: Insert<typeof s.notifications>[];
  examSites: Insert<typeof s.examSites>[];
  examSessions: Insert<typeof s.examSessions>[];
  examSessionSites: Insert<typeof s.examSessionSites>[];
  examCandidates: Insert<typeof s.examCandidates>[];
  instructorTrainings: Insert<typeof s.instructorTrainings>[];
  instructorTrainingParticipants: Insert<typeof s.instructorTrainingParticipants>[];
  /** appendAudit's input plus the time of the event (the history is in the past). */
  audit: (AuditInput & { at: Date })[];
}

export const emptyRows = (): Rows => ({
  schools: [], providers: [], providerAssignments: [], users: [], userRegions: [], applications: [], planItems: [],
  agreements: [], evaluations: [], instructors: [], instructorCertifications: [], courses: [], requiredCourses: [],
  students: [], completions: [], certificates: [], practice: [], jobRegistrations: [], jobApplications: [], jobFairs: [],
  providerReports: [], contentProposals: [], feedback: [], notifications: [], audit: [],
  examSites: [], examSessions: [], examSessionSites: [], examCandidates: [], instructorTrainings: [], instructorTrainingParticipants: [],
});

export type Policy = Thresholds & { termYears: number; requiresSigning: boolean; requiresPlaque: boolean; requiresInspection: boolean };

export interface Context {
  today: string;
  ids: IdSource;
  rows: Rows;
  regionIds: Record<RegionCode, number>;
  policies: Record<Tier, Policy>;
  /** Catalogue course ids by code. */
  catalogue: Record<string, number>;
  hq: number[];
  regionalsOf: Record<RegionCode, number[]>;
  /** A running number for certificate numbers, unique across the demo set. */
  serial: { value: number };
}

/** A drawn Chinese personal name. */
export function personName(rng: Random): string {
  return rng.pick(SURNAMES) + (rng.chance(0.75) ? rng.pick(GIVEN_NAMES) : rng.pick(GIVEN_CHARS));
}
