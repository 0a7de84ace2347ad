import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
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
    const [current] = await tx.select().from(fact.table)
      .where(and(eq(fact.idColumn, id), schoolScopeCondition(scope, fact.schoolIdColumn))).for('update');
    if (!current) throw notFound(fact.spec.noun);
    const before = await auditRow(tx, fact, id);
    const values = await fact.resolve(tx, actor, scope, input, current as Record<string, unknown>);
    await tx.update(fact.table).set(values).where(eq(fact.idColumn, id));
    await fact.afterWrite?.(tx, id, input, values);
    await recomputeSchools(tx, [values.schoolId, (current as { schoolId: number }).schoolId], todayInChina());
    await auditFactUpdate(tx, fact, id, before, actor.id);
  });
}
