import { and, eq, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client.js';
import {
  agreements, applications, certificates, evaluations, instructors, jobFairs, practiceRecords, providerReports, schools, students,
} from '../../db/schema/index.js';
import type { Role } from '@campus/common';
import type { Scope } from '@campus/common';
import { canAccess } from '@campus/common';
import { editableApplicationStates, applicationTransitions } from '@campus/common';
import { agreementTransitions } from '@campus/common';
import { evaluationTransitions } from '@campus/common';
import { providerReportTransitions } from '@campus/common';
import { entitySpec, roleOfScope } from '../access/readable-entities.js';
import { scopeWhere, type ResourceSpec } from '../resource/resource-spec.js';
import { badRequest, notFound } from '../../lib/errors.js';
import { refused } from '../../lib/refusals.js';

interface Owner {
  table: PgTable;
  id: PgColumn;
  schoolId: PgColumn;
  status?: PgColumn;
  /** States in which a role that may edit the record may change its files (any state when omitted). */
  editableStates?: readonly string[];
  /** The record's workflow: a role with an action in the record's state (a reviewer) may add its notes. */
  transitions?: readonly { from: readonly string[]; roles: readonly Role[] }[];
  /** States in which the role that filed the record may still add to it. */
  authorStates?: Partial<Record<Role, readonly string[]>>;
}

/**
 * The records evidence may be attached to. Who may read a record's files is who may read the record
 * (its resource's permission and scope, readable-entities.ts); who may change them is who may write
 * the record in its current state, as below.
 */
const owners: ReadonlyMap<string, Owner> = new Map<string, Owner>([
  ['school', { table: schools, id: schools.id, schoolId: schools.id }],
  ['application', { table: applications, id: applications.id, schoolId: applications.schoolId, status: applications.status, editableStates: editableApplicationStates, transitions: applicationTransitions }],
  // A school under rectification files what it did about it on its agreement.
  ['agreement', { table: agreements, id: agreements.id, schoolId: agreements.schoolId, status: agreements.status, transitions: agreementTransitions, authorStates: { school: ['rectifying'] } }],
  ['evaluation', { table: evaluations, id: evaluations.id, schoolId: evaluations.schoolId, status: evaluations.status, transitions: evaluationTransitions }],
  ['instructor', { table: instructors, id: instructors.id, schoolId: instructors.schoolId }],
  ['student', { table: students, id: students.id, schoolId: students.schoolId }],
  ['certificate', { table: certificates, id: certificates.id, schoolId: certificates.schoolId }],
  ['practice_record', { table: practiceRecords, id: practiceRecords.id, schoolId: practiceRecords.schoolId }],
  ['job_fair', { table: jobFairs, id: jobFairs.id, schoolId: jobFairs.schoolId }],
  ['provider_report', { table: providerReports, id: providerReports.id, schoolId: providerReports.schoolId, status: providerReports.status, transitions: providerReportTransitions, authorStates: { provider: ['submitted'] } }],
]);

export const evidenceEntityTypes = [...owners.keys()];

function ownerOf(entityType: string): { owner: Owner; spec: ResourceSpec } {
  const owner = owners.get(entityType);
  const spec = entitySpec(entityType);
  if (!owner || !spec) {
    const reason = { code: 'evidence_entity_unknown', params: { entityType: entityType.slice(0, 40), allowed: [...evidenceEntityTypes] } } as const;
    throw badRequest(reason, [{ field: 'entityType', ...reason }]);
  }
  return { owner, spec };
}

/** The states in which the role may change a record's files: 'any', or a list (empty: never). */
function writableStates(owner: Owner, spec: ResourceSpec, role: Role): 'any' | readonly string[] {
  if (canAccess(role, spec.name, 'edit')) return owner.editableStates ?? 'any';
  const acting = (owner.transitions ?? []).filter((t) => t.roles.includes(role)).flatMap((t) => t.from);
  return [...new Set([...acting, ...(owner.authorStates?.[role] ?? [])])];
}

export interface EvidenceTarget { schoolId: number; status: string | null }

/**
 * The record a file belongs to, as the actor may read it: 404 when the role may not read that kind
 * of record or this one is outside its scope (as every read answers). `lock` holds the record
 * against a concurrent change of state until the caller's transaction ends.
 */
export async function readableOwner(db: Executor, scope: Scope, entityType: string, entityId: number, lock = false): Promise<EvidenceTarget> {
  const { owner, spec } = ownerOf(entityType);
  const noun = entityType.replace('_', ' ');
  if (!canAccess(roleOfScope(scope), spec.name, 'show')) throw notFound(noun);
  const query = db.select({ schoolId: owner.schoolId, status: owner.status ?? sql<null>`null` }).from(owner.table)
    .where(and(eq(owner.id, entityId), scopeWhere(spec, scope)));
  const [row] = lock ? await query.for('share') : await query;
  if (!row) throw notFound(noun);
  return { schoolId: row.schoolId as number, status: (row.status as string | null) ?? null };
}

/** Refuses a change of the record's files that the role may not make in the record's state (403 or 409). */
export function assertOwnerWritable(entityType: string, target: EvidenceTarget, role: Role) {
  const { owner, spec } = ownerOf(entityType);
  const states = writableStates(owner, spec, role);
  if (states === 'any') return;
  if (!states.length) throw refused('forbidden_role', { code: 'evidence_role_may_not', params: { role, entity: entityType } });
  if (!target.status || !states.includes(target.status)) {
    throw refused('wrong_state', { code: 'evidence_state_closed', params: { entity: entityType, state: target.status ?? 'closed', states } });
  }
}

/** The record a new file goes to, readable and writable by the actor now; returns its school. */
export async function writableOwner(db: Executor, scope: Scope, role: Role, entityType: string, entityId: number, lock = false): Promise<number> {
  const target = await readableOwner(db, scope, entityType, entityId, lock);
  assertOwnerWritable(entityType, target, role);
  return target.schoolId;
}

/** Whether the record still exists at all (a file of a deleted record has no state left to respect). */
export async function ownerExists(db: Executor, entityType: string, entityId: number | null): Promise<boolean> {
  const owner = owners.get(entityType);
  if (!owner || entityId === null) return false;
  const [row] = await db.select({ id: owner.id }).from(owner.table).where(eq(owner.id, entityId));
  return Boolean(row);
}
