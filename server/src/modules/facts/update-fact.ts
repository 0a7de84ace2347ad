import { and, eq } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import type { Actor, Scope } from '@campus/common';
import { todayInChina } from '@campus/common';
import { notFound } from '../../lib/errors.js';
import { schoolScopeCondition } from '../access/scope-filter.js';
import { recomputeSchools } from '../compliance/recompute.js';
import type { FactResource } from './fact-resource.js';
import { auditFactUpdate, auditRow } from './fact-audit.js';

/**
 * Edits one fact inside the actor's scope (404 otherwise), audited with each changed field from and
 * to; the KPIs of its school (and of the school it left, if it moved) are recomputed.
 */
export async function updateFact(db: Db, fact: FactResource, actor: Actor, scope: Scope, id: number, input: unknown) {
  await db.transaction(async (tx) => {
    const schoolIds = await updateFactIn(tx, fact, actor, scope, id, input);
    await recomputeSchools(tx, schoolIds, todayInChina());
  });
}

/**
 * The update of one fact inside a caller's transaction (bulk actions, imports that update): the
 * scoped lock (404 outside the scope), the write and its audit event with each changed field from
 * and to. Returns the schools whose KPIs the caller recomputes (once, for all of its records).
 */
export async function updateFactIn(tx: Tx, fact: FactResource, actor: Actor, scope: Scope, id: number, input: unknown): Promise<number[]> {
  const [current] = await tx.select().from(fact.table)
    .where(and(eq(fact.idColumn, id), schoolScopeCondition(scope, fact.schoolIdColumn))).for('update');
  if (!current) throw notFound(fact.spec.noun);
  const before = await auditRow(tx, fact, id);
  const values = await fact.resolve(tx, actor, scope, input, current as Record<string, unknown>);
  await tx.update(fact.table).set(values).where(eq(fact.idColumn, id));
  await fact.afterWrite?.(tx, id, input, values);
  await auditFactUpdate(tx, fact, id, before, actor.id);
  return [values.schoolId, (current as { schoolId: number }).schoolId];
}
