import { and, eq, inArray, or, sql, type Column, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { Role } from '@campus/common';
import type { Scope } from '@campus/common';
import { canAccess } from '@campus/common';
import { schoolScopeCondition } from './scope-filter.js';
import { scopeWhere, type ResourceSpec } from '../resource/resource-spec.js';
import { schoolSpec } from '../schools/school-spec.js';
import { regionSpec } from '../regions/region-spec.js';
import { userSpec } from '../users/user-spec.js';
import { tierPolicySpec } from '../tier-policies/tier-policy-spec.js';
import { applicationSpec } from '../applications/application-spec.js';
import { agreementSpec } from '../agreements/agreement-spec.js';
import { evaluationSpec } from '../evaluations/evaluation-spec.js';
import { instructorSpec } from '../facts/instructors.js';
import { courseSpec } from '../facts/courses.js';
import { studentSpec } from '../facts/students.js';
import { certificateSpec } from '../facts/certificates.js';
import { practiceSpec } from '../facts/practice-records.js';
import { jobRegistrationSpec } from '../facts/job-registrations.js';
import { jobFairSpec } from '../facts/job-fairs.js';
import { courseCompletionSpec } from '../facts/course-completions.js';
import { providerSpec } from '../providers/provider-spec.js';
import { providerReportSpec } from '../provider-work/provider-report-spec.js';
import { contentProposalSpec } from '../provider-work/content-proposal-spec.js';
import { feedbackSpec } from '../provider-work/feedback-spec.js';
import { joinRequestSpec } from '../join-requests/join-request-spec.js';
import { examSiteSpec } from '../exam-sites/exam-site-spec.js';
import { examSessionSpec } from '../exam-sessions/exam-session-spec.js';
import { examCandidateSpec } from '../exam-sessions/exam-candidate-spec.js';
import { participantSpec, trainingSpec } from '../instructor-trainings/training-spec.js';

/**
 * The records that other rows belong to (audit events, evidence files), by the `entityType` those
 * rows name, each with the resource spec that decides who may read it: the permissions table by the
 * spec's name, and the spec's own scope.
 */
const entities: ReadonlyMap<string, ResourceSpec> = new Map([
  ['school', schoolSpec], ['region', regionSpec], ['user', userSpec], ['tier_policy', tierPolicySpec],
  ['application', applicationSpec], ['agreement', agreementSpec], ['evaluation', evaluationSpec],
  ['instructor', instructorSpec], ['course', courseSpec], ['student', studentSpec], ['certificate', certificateSpec],
  ['practice_record', practiceSpec], ['job_registration', jobRegistrationSpec], ['job_fair', jobFairSpec],
  ['course_completion', courseCompletionSpec],
  ['provider', providerSpec], ['provider_report', providerReportSpec], ['content_proposal', contentProposalSpec], ['feedback', feedbackSpec],
  ['join_request', joinRequestSpec],
  ['exam_site', examSiteSpec], ['exam_session', examSessionSpec], ['exam_candidate', examCandidateSpec],
  ['instructor_training', trainingSpec], ['instructor_training_participant', participantSpec],
]);

export function entitySpec(entityType: string): ResourceSpec | undefined {
  return entities.get(entityType);
}

/** The role a scope was made for (scopeOf gives each role its own kind of scope). */
export function roleOfScope(scope: Scope): Role {
  return scope.kind === 'all' ? 'hq' : scope.kind === 'regions' ? 'regional' : scope.kind;
}

/** Whether the scope's role may read records of this entity type at all (the permissions table). */
export function mayReadEntityType(scope: Scope, entityType: string): boolean {
  const spec = entities.get(entityType);
  return spec ? canAccess(roleOfScope(scope), spec.name, 'show') : scope.kind === 'all';
}

export interface EntityColumns {
  entityType: Column;
  entityId: Column;
  /** The school of the record the row belongs to, copied onto the row when it was written. */
  schoolId: Column;
}

/**
 * The rows (audit events, evidence files) that belong to a record the scope's role may read: the role
 * may show the record's resource, and the record is within that resource's scope. A record kept by
 * its school is in scope when its school is (the school the row recorded, which also answers for a
 * record deleted since); a record with a scope of its own (a provider's reports and proposals) must
 * be found through that scope, or, when it no longer exists, by its school. Rows of entity types
 * not listed here are HQ's only. Undefined when the scope reads everything.
 */
export function readableEntityCondition(scope: Scope, cols: EntityColumns): SQL | undefined {
  const role = roleOfScope(scope);
  const readable = [...entities].filter(([, spec]) => canAccess(role, spec.name, 'show'));
  if (scope.kind === 'all' && readable.length === entities.size) return undefined;
  const bySchool = schoolScopeCondition(scope, cols.schoolId);
  const schoolKept = readable.filter(([, spec]) => !spec.scope).map(([type]) => type);
  const parts: (SQL | undefined)[] = [];
  if (schoolKept.length) parts.push(and(inArray(cols.entityType, schoolKept), bySchool));
  for (const [type, spec] of readable.filter(([, s]) => s.scope)) {
    const own = scopeWhere(spec, scope);
    if (!own) { parts.push(eq(cols.entityType, type)); continue; }
    parts.push(sql`(${cols.entityType} = ${type} AND (${cols.entityId} IN (SELECT ${spec.id} FROM ${spec.table} WHERE ${own})
      OR (${bySchool ?? sql`true`} AND NOT EXISTS (SELECT 1 FROM ${spec.table} WHERE ${spec.id} = ${cols.entityId}))))`);
  }
  return parts.length ? or(...parts)! : sql`false`;
}

/**
 * Rows naming a record that the scope's role may read now (notifications): the role may show the
 * record's resource and the record is found through that resource's scope. A row of a record that no
 * longer exists, or of an entity type not listed here, is HQ's only. Undefined when the scope reads
 * everything.
 */
export function readableRecordCondition(scope: Scope, cols: Omit<EntityColumns, 'schoolId'>): SQL | undefined {
  const role = roleOfScope(scope);
  const readable = [...entities].filter(([, spec]) => canAccess(role, spec.name, 'show'));
  if (scope.kind === 'all' && readable.length === entities.size) return undefined;
  const parts = readable.map(([type, spec]) => {
    const own = scopeWhere(spec, scope);
    return own ? sql`(${cols.entityType} = ${type} AND ${cols.entityId} IN (SELECT ${spec.id} FROM ${spec.table} WHERE ${own}))` : eq(cols.entityType, type);
  });
  return parts.length ? or(...parts)! : sql`false`;
}

/** Whether the scope's role may read this one record now (its resource's permission and scope). */
export async function mayReadRecord(db: Executor, scope: Scope, entityType: string, entityId: number): Promise<boolean> {
  const spec = entities.get(entityType);
  if (!spec) return scope.kind === 'all';
  if (!canAccess(roleOfScope(scope), spec.name, 'show')) return false;
  const own = scopeWhere(spec, scope);
  if (!own) return true;
  const [row] = await db.select({ id: sql<number>`${spec.id}` }).from(spec.table).where(and(eq(spec.id, entityId), own)).limit(1);
  return Boolean(row);
}
