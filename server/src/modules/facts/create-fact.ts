import type { Db } from '../../db/client.js';
import type { Actor, Scope } from '@campus/common';
import { todayInChina } from '@campus/common';
import { appendAudit } from '../audit/audit-repository.js';
import { recomputeSchools } from '../compliance/recompute.js';
import type { FactResource } from './fact-resource.js';

/** Records one fact in the actor's scope, audited, with the school's KPIs recomputed. Returns its id. */
export async function createFact(db: Db, fact: FactResource, actor: Actor, scope: Scope, input: unknown) {
  return db.transaction(async (tx) => {
    const values = await fact.resolve(tx, actor, scope, input);
    const [row] = await tx.insert(fact.table).values(values).returning({ id: fact.idColumn });
    const id = row.id as number;
    await fact.afterWrite?.(tx, id, input, values);
    await recomputeSchools(tx, [values.schoolId], todayInChina());
    await appendAudit(tx, { entityType: fact.entityType, entityId: id, schoolId: values.schoolId, action: 'create', actorId: actor.id });
    return id;
  });
}
