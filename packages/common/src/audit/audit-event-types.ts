import type { Tier } from '../vocabulary.js';
import type { PlanSnapshot } from '../api/review-context.js';

/**
 * The audit trail's events, typed per entity: which actions each kind of record is audited with and
 * what each event's `data` holds. The server's appendAudit accepts only these (AuditEventInput);
 * the web reads them back (AuditEventRecord). A new kind of event is added here first.
 */

/** One field's value before and after an edit. */
export interface FieldChange { from: unknown; to: unknown }
/** The fields an edit changed, and only those, each from and to. */
export type FieldChanges = Record<string, FieldChange>;
/** A record as the audit trail keeps it: its columns as JSON (dates as ISO text). */
export type AuditedRow = Record<string, unknown> & { id: number };

/** An edit: `changes: { field: { from, to } }`. */
export interface UpdateData { changes: FieldChanges }
/**
 * A deletion: the deleted row. The record deleted first names how many dependants went with it
 * (`alsoDeleted`, by entity type); each dependant's own event names the record it went with.
 */
export interface DeleteData {
  deleted: AuditedRow;
  alsoDeleted?: Record<string, number>;
  deletedWith?: { entityType: AuditEntityType; entityId: number };
}

/** The recorded facts (DOMAIN.md "KPI definitions"), by their audit entity type. */
export const factEntityTypes = ['student', 'certificate', 'practice_record', 'job_registration', 'course_completion', 'instructor', 'job_fair', 'course'] as const;
export type FactEntityType = (typeof factEntityTypes)[number];

/** Instructor trainings (师资培训) and the instructors who took them (issue 18 item 5). */
export const trainingEntityTypes = ['instructor_training', 'instructor_training_participant'] as const;
export const workflowEntityTypes = ['application', 'agreement', 'evaluation', 'provider_report', 'content_proposal', 'feedback'] as const;
export const auditEntityTypes = [...workflowEntityTypes, ...factEntityTypes, ...trainingEntityTypes, 'school', 'region', 'user', 'tier_policy', 'join_request', 'provider', 'mail', 'exam_site', 'exam_session', 'exam_candidate'] as const;
export type AuditEntityType = (typeof auditEntityTypes)[number];

/** The transition actions of each table (the tables' `action`s; a test keeps them equal). */
export const applicationReviewActions = ['submit', 'regional_approve', 'regional_reject', 'regional_return', 'hq_approve', 'hq_reject', 'hq_return', 'resubmit', 'withdraw'] as const;
export const agreementActions = ['sign', 'hold_plaque_ceremony', 'pass_inspection', 'fail_inspection', 'close_rectification', 'terminate'] as const;
export type ApplicationReviewAction = (typeof applicationReviewActions)[number];
export type AgreementPathAction = (typeof agreementActions)[number];
export const reviewActions = {
  provider_report: ['confirm', 'reject'],
  content_proposal: ['approve', 'reject'],
  feedback: ['reply', 'close'],
} as const;

type Event<E extends AuditEntityType, A extends string, D = undefined> =
  D extends undefined ? { entityType: E; action: A; data?: undefined } : { entityType: E; action: A; data: D };
/** An event whose data may be left out (every field of it is optional). */
type EventWithOptionalData<E extends AuditEntityType, A extends string, D> = { entityType: E; action: A; data?: D };

/** The records evidence may be attached to (server: evidence-owners.ts). */
export type EvidenceEntityType = 'school' | 'application' | 'agreement' | 'evaluation' | 'instructor' | 'student' | 'certificate' | 'practice_record' | 'job_fair' | 'provider_report';

/** A file attached to a record as evidence, or removed from it (the file name is the comment). */
export type EvidenceAuditEvent = Event<EvidenceEntityType, 'attach_file', { evidenceId: number }> | Event<EvidenceEntityType, 'remove_file'>;

export type FactAuditEvent =
  | Event<FactEntityType, 'create'>
  | Event<FactEntityType, 'update', UpdateData>
  | Event<FactEntityType, 'delete', DeleteData>
  /** A CSV import: one event per school, with how many records it created. */
  | Event<FactEntityType, 'import', { resource: string; created: number; [detail: string]: unknown }>;

/** What a review action on an application recorded besides its comment. */
export interface ApplicationActionData {
  fieldComments?: Record<string, string>;
  planItemDecisions?: Record<number, boolean>;
  /** hq_approve: the agreement it created. */
  agreementId?: number;
  /** A regional step HQ took because the region had no active regional staff (DOMAIN.md, issue 13 item 9). */
  actedForRegion?: number;
  /** A return: the plan as the reviewer saw it, so that the resubmission shows what changed since (issue 17). */
  snapshot?: PlanSnapshot;
}

export type ApplicationAuditEvent =
  | Event<'application', 'create', { tier: Tier | string; upgradeFromAgreementId?: number }>
  | Event<'application', 'update', UpdateData>
  | Event<'application', 'delete', DeleteData>
  | EventWithOptionalData<'application', ApplicationReviewAction, ApplicationActionData>;

export interface InspectionFinding { on?: string; missing: string[]; comment: string | null; by: number }

/** What an agreement action changed on the agreement, and the evidence and checklist it came with. */
export interface AgreementActionData {
  signedOn?: string;
  plaqueOn?: string;
  plaquePlace?: string;
  inspectionPassedOn?: string;
  inspectionFindings?: InspectionFinding[];
  rectificationNotice?: null;
  rectificationDeadline?: null;
  rectificationKpis?: null;
  endedOn?: string;
  evidenceIds?: number[];
  checklist?: { instructorsInPlace?: boolean; resourcesConfigured?: boolean };
}

export type AgreementAuditEvent =
  | Event<'agreement', 'create', { applicationId: number } | { renewalOf: number }>
  | Event<'agreement', 'supersede'>
  | Event<'agreement', AgreementPathAction, AgreementActionData>
  /** What an evaluation's decision did to the agreement. */
  | Event<'agreement', 'rectify', { deadline?: string; failingKpis?: string[] }>
  | Event<'agreement', 'terminate' | 'not_renew'>
  | Event<'agreement', 'renew', { newAgreementId: number }>
  | Event<'agreement', 'upgrade', { applicationId: number; tier: string }>
  /** A partnership that began before the product, recorded by HQ (one, or a row of an import file). */
  | Event<'agreement', 'import', AgreementImportData>;

/** What an imported partnership was recorded with. */
export interface AgreementImportData {
  tier: string;
  startDate: string;
  termYears: number;
  status: string;
  rectificationDeadline?: string;
  evaluatedYears: { year: number; decision: string }[];
  /** The row of the import file, when it came from one. */
  row?: number;
}

/** A snapshot's verdict, as a refresh records it before and after. */
export interface SnapshotVerdict { compliant?: boolean; failingKpis?: string[] }

export type EvaluationAuditEvent =
  | Event<'evaluation', 'open', { agreementId: number; year: number; compliant?: boolean; bulk?: true }>
  | Event<'evaluation', 'refresh', { before: SnapshotVerdict; after: SnapshotVerdict }>
  | Event<'evaluation', 'decide', { decision: string; newAgreementId?: number; applicationId?: number; deadline?: string; failingKpis?: string[] }>
  /** An agreement year evaluated before the product, recorded with its imported agreement. */
  | Event<'evaluation', 'import', { agreementId: number; year: number; decision: string }>;

/** A provider report filed with class sessions: one entry for many students on a day (issue 17 item 7). */
export interface ClassSessionsData {
  rows: number;
  listed: number;
  sessions: { practicedOn: string; hours: number; students: number | null; cohortYear: number | null; major: string | null }[];
}

export type ProviderWorkAuditEvent =
  | EventWithOptionalData<'provider_report', 'submit', ClassSessionsData>
  | Event<'provider_report', (typeof reviewActions.provider_report)[number]>
  | Event<'content_proposal', 'propose' | (typeof reviewActions.content_proposal)[number]>
  | Event<'feedback', 'file' | (typeof reviewActions.feedback)[number]>;

export type TierPolicyAuditEvent =
  | Event<'tier_policy', 'create', Record<string, unknown>>
  | Event<'tier_policy', 'update', UpdateData & { tier: string; effectiveYear: number }>;

export type UserAuditEvent =
  | Event<'user', 'create', { email: string; role: string } | undefined>
  | Event<'user', 'update', UpdateData & { passwordChanged: boolean }>
  | Event<'user', 'change_password' | 'login' | 'logout', { address: string }>
  /** An invitation or reset link sent (`invite`, `send_reset`), or used to set the password (`accept_invitation`, `reset_password`). */
  | Event<'user', 'invite' | 'send_reset', { email: string; resend?: true; by?: 'forgot_password' | 'operator' | 'first_start' }>
  | Event<'user', 'accept_invitation' | 'reset_password', { tokenId: number; address: string }>
  /** A failed sign-in: the account when it exists, and the address; never a password. */
  | Event<'user', 'login_failed', { accountKnown: true; email: string; address: string; accountInactive?: true } | { accountKnown: false; address: string }>;

/**
 * A school's request to join: filed and confirmed by the requester (no actor; never their address),
 * accepted (with the school it created or linked and the invited administrator) or declined by staff.
 */
export type JoinRequestAuditEvent =
  | Event<'join_request', 'create' | 'confirm' | 'expire'>
  | Event<'join_request', 'accept', { schoolId: number; schoolCreated: boolean; userId: number }>
  | Event<'join_request', 'decline'>;

/**
 * A provider created or edited (its contact, `active`, and its schools: `changes.schoolIds` from and to,
 * with the schools it was assigned to and unassigned from named on their own).
 */
export interface ProviderUpdateData extends UpdateData { schoolsAssigned: number[]; schoolsUnassigned: number[] }
export type ProviderAuditEvent =
  | Event<'provider', 'create', { name: string; schoolIds: number[] }>
  | Event<'provider', 'update', ProviderUpdateData>;

/** The directory: a school created (by HQ, an accepted join request or an import), edited, moved with its province, (de)activated, deleted. */
export type SchoolAuditEvent =
  | Event<'school', 'create', { values: Record<string, unknown>; via?: 'join_request' | 'import'; sourceId?: number }>
  | Event<'school', 'update', UpdateData & { via?: 'import' }>
  /** Its province moved to another region (`regionEventId`: the region's event that moved it). */
  | Event<'school', 'move_region', UpdateData & { province: string; regionEventId: number }>
  | Event<'school', 'deactivate' | 'reactivate'>
  | Event<'school', 'delete', DeleteData>;

/** A region edited by HQ; `movedSchools` are the schools its province changes moved (each has its own move_region event). */
export type RegionAuditEvent =
  | Event<'region', 'update', UpdateData & { movedSchools?: number[] }>;

/** A mail of the outbox that HQ sent again (a failed one, or a queued one now instead of after its wait). */
export type MailAuditEvent =
  | Event<'mail', 'retry', { recipient: string; kind: string; attempts: number }>;

/** The transition actions of the exam sites' and sessions' tables (a test keeps them equal). */
export const examSiteActions = ['approve', 'decline', 'suspend', 'reinstate'] as const;
export const examSessionActions = ['close_registration', 'cancel'] as const;

/** An exam site proposed (by a school, its own; by staff, a venue), edited while proposed, then decided by HQ. */
export type ExamSiteAuditEvent =
  | Event<'exam_site', 'create', { values: Record<string, unknown> }>
  | Event<'exam_site', 'update', UpdateData>
  /** HQ's decision; a decline or suspension's reason is the event's comment. */
  | Event<'exam_site', (typeof examSiteActions)[number]>;

/** An exam session scheduled by HQ, edited while scheduled, its registration closed or the session cancelled. */
export type ExamSessionAuditEvent =
  | Event<'exam_session', 'create', { values: Record<string, unknown> }>
  | Event<'exam_session', 'update', UpdateData>
  | EventWithOptionalData<'exam_session', (typeof examSessionActions)[number], { schoolsNotified?: number[] }>;

/**
 * A candidate registered by their school (`via` a bulk registration or an import file, with its row), or withdrawn
 * while registration was open (the withdrawn registration).
 */
export type ExamCandidateAuditEvent =
  | Event<'exam_candidate', 'register', { sessionId: number; siteId: number; studentId: number; via?: 'bulk' | 'import'; row?: number }>
  | Event<'exam_candidate', 'withdraw', DeleteData>;

/**
 * An instructor's result in a training: whether they passed, their score, and for a pass the 1+X instructor
 * certification it issued (its number, level and validity); `row` when it came from an import file.
 */
export interface TrainingParticipantData {
  trainingId: number;
  instructorId: number;
  passed: boolean;
  score: number | null;
  certification: { id: number; certNo: string; level: string; validFrom: string; validTo: string } | null;
  row?: number;
}

/** A training recorded or edited by HQ; its participants added (with their certification) or removed (with it). */
export type InstructorTrainingAuditEvent =
  | Event<'instructor_training', 'create', { values: Record<string, unknown> }>
  | Event<'instructor_training', 'update', UpdateData>
  | Event<'instructor_training_participant', 'create', TrainingParticipantData>
  | Event<'instructor_training_participant', 'delete', DeleteData & { certificationRemoved: TrainingParticipantData['certification'] }>;

/**
 * A session's results imported by HQ (issue 18 item 3): the session moves closed → results_published, with how many
 * candidates passed, failed or were absent, the certificates issued (verified) and the schools' claims it verified.
 */
export type ExamResultsAuditEvent =
  | Event<'exam_session', 'publish_results', { candidates: number; passed: number; failed: number; absent: number; certificatesIssued: number; claimsVerified: number; schoolIds: number[] }>;

/**
 * A certificate verified: issued by a session's results (`issue`, created verified), a school's claim matched by a
 * session's result (`verify`, `sessionId`), or confirmed by HQ (`verify`, without a session).
 */
export type CertificateVerificationAuditEvent =
  | Event<'certificate', 'issue', { sessionId: number; candidateId: number; certNo: string }>
  | Event<'certificate', 'verify', { certNo: string | null; sessionId?: number }>;

/** Every audit event's entity type, action and data. */
export type AuditEntry =
  | ExamResultsAuditEvent | CertificateVerificationAuditEvent
  | MailAuditEvent
  | InstructorTrainingAuditEvent
  | ExamSiteAuditEvent | ExamSessionAuditEvent | ExamCandidateAuditEvent
  | SchoolAuditEvent | RegionAuditEvent
  | JoinRequestAuditEvent | FactAuditEvent | ApplicationAuditEvent | AgreementAuditEvent | EvaluationAuditEvent
  | ProviderWorkAuditEvent | TierPolicyAuditEvent | UserAuditEvent | EvidenceAuditEvent | ProviderAuditEvent;

interface AuditEventCommon {
  entityId: number;
  /** null when no one signed in did it (a failed sign-in, the first account). */
  actorId: number | null;
  schoolId?: number | null;
  fromState?: string | null;
  toState?: string | null;
  comment?: string | null;
}

/** What the server's appendAudit accepts. */
export type AuditEventInput = AuditEntry & AuditEventCommon;

type Stored<E> = E extends { data?: infer D } ? Omit<E, 'data'> & { data: Exclude<D, undefined> | null } : never;

/** An audit event as the API returns it (`/api/audit-events`). */
export type AuditEventRecord = Stored<AuditEntry> & Required<AuditEventCommon> & {
  id: number;
  at: string;
  actorName: string | null;
};
