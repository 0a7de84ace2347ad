import { and, eq } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client.js';
import {
  agreements, applications, certificates, evaluations, instructors, jobFairs, practiceRecords, providerReports, schools, students,
} from '../../db/schema/index.js';
import type { Scope } from '../../domain/access/scope.js';
import { schoolScopeCondition } from '../access/scope-filter.js';
import { badRequest, notFound } from '../../lib/errors.js';

/** The records evidence may be attached to, and where each keeps its school. */
const owners: Record<string, { table: PgTable; id: PgColumn; schoolId: PgColumn }> = {
  school: { table: schools, id: schools.id, schoolId: schools.id },
  application: { table: applications, id: applications.id, schoolId: applications.schoolId },
  agreement: { table: agreements, id: agreements.id, schoolId: agreements.schoolId },
  evaluation: { table: evaluations, id: evaluations.id, schoolId: evaluations.schoolId },
  instructor: { table: instructors, id: instructors.id, schoolId: instructors.schoolId },
  student: { table: students, id: students.id, schoolId: students.schoolId },
  certificate: { table: certificates, id: certificates.id, schoolId: certificates.schoolId },
  practice_record: { table: practiceRecords, id: practiceRecords.id, schoolId: practiceRecords.schoolId },
  job_fair: { table: jobFairs, id: jobFairs.id, schoolId: jobFairs.schoolId },
  provider_report: { table: providerReports, id: providerReports.id, schoolId: providerReports.schoolId },
};

export const evidenceEntityTypes = Object.keys(owners);

/** The school of the record a file is attached to, found through the actor's scope (404 outside it). */
export async function schoolOfEvidenceTarget(db: Executor, entityType: string, entityId: number, scope: Scope): Promise<number> {
  const owner = owners[entityType];
  if (!owner) throw badRequest(`Files cannot be attached to "${entityType}"; use one of: ${evidenceEntityTypes.join(', ')}.`, [{ field: 'entityType', message: 'unknown' }]);
  const [row] = await db.select({ schoolId: owner.schoolId }).from(owner.table)
    .where(and(eq(owner.id, entityId), schoolScopeCondition(scope, owner.schoolId)));
  if (!row) throw notFound(entityType.replace('_', ' '));
  return row.schoolId as number;
}
