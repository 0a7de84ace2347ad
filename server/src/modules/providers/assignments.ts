import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor, Tx } from '../../db/client.js';
import { providerAssignments, providers, schools } from '../../db/schema/index.js';
import type { Actor } from '@campus/common';
import { badRequest, invalid } from '../../lib/errors.js';
import { notify } from '../notifications/notify.js';

/** The schools a provider is assigned to, in id order. */
export async function assignedSchoolIds(db: Executor, providerId: number): Promise<number[]> {
  const rows = await db.select({ schoolId: providerAssignments.schoolId }).from(providerAssignments)
    .where(eq(providerAssignments.providerId, providerId)).orderBy(providerAssignments.schoolId);
  return rows.map((r) => r.schoolId);
}

/**
 * Whether a provider serves a school now: assigned to it and not deactivated (the same rule as the
 * provider's scope, access/scope-filter.ts).
 */
export async function servesSchool(db: Executor, providerId: number, schoolId: number): Promise<boolean> {
  const [row] = await db.select({ one: sql<number>`1` }).from(providerAssignments)
    .innerJoin(providers, and(eq(providers.id, providerAssignments.providerId), eq(providers.active, true)))
    .where(and(eq(providerAssignments.providerId, providerId), eq(providerAssignments.schoolId, schoolId))).limit(1);
  return Boolean(row);
}

export interface SchoolChange { before: number[]; after: number[]; assigned: number[]; unassigned: number[] }

/**
 * Makes `wanted` the provider's set of schools, in the caller's transaction: unknown schools are a
 * 400 naming them, a deactivated provider takes no new school. Schools left out lose the provider at
 * once (its scope reads the assignments on every request); each school added is announced to the
 * provider's own accounts (a notification on the provider record, which no other provider may read).
 */
export async function setSchools(tx: Tx, provider: { id: number; active: boolean }, wanted: number[], actor: Actor): Promise<SchoolChange> {
  const before = await assignedSchoolIds(tx, provider.id);
  const after = [...new Set(wanted)].sort((a, b) => a - b);
  const assigned = after.filter((id) => !before.includes(id));
  const unassigned = before.filter((id) => !after.includes(id));
  const found = assigned.length
    ? await tx.select({ id: schools.id, name: schools.name }).from(schools).where(inArray(schools.id, assigned))
    : [];
  const missing = assigned.filter((id) => !found.some((s) => s.id === id));
  if (missing.length) throw invalid([{ field: 'schoolIds', code: 'schools_unknown', params: { ids: missing } }]);
  if (assigned.length && !provider.active) throw badRequest('provider_inactive', [{ field: 'schoolIds', code: 'provider_inactive' }]);
  if (unassigned.length) {
    await tx.delete(providerAssignments).where(and(eq(providerAssignments.providerId, provider.id), inArray(providerAssignments.schoolId, unassigned)));
  }
  if (assigned.length) {
    await tx.insert(providerAssignments).values(assigned.map((schoolId) => ({ providerId: provider.id, schoolId })));
    for (const school of found.sort((a, b) => a.id - b.id)) {
      await notify(tx, {
        audience: ['provider'], schoolId: school.id, kind: 'provider.assigned', entityType: 'provider', entityId: provider.id,
        params: { schoolId: school.id, schoolName: school.name }, exceptUserId: actor.id,
      });
    }
  }
  return { before, after, assigned, unassigned };
}
