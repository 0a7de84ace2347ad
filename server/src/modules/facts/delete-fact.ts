import type { Db } from '../../db/client.js';
import type { Actor, Scope } from '@campus/common';
import { todayInChina } from '@campus/common';
import { recomputeSchools } from '../compliance/recompute.js';
import type { FactResource } from './fact-resource.js';
import { deleteFactAudited } from './fact-audit.js';

/**
 * Deletes one fact inside the actor's scope (404 otherwise), audited with the deleted row and each
 * record deleted with it; the school's KPIs are recomputed.
 */
export async function deleteFact(db: Db, fact: FactResource, actor: Actor, scope: Scope, id: number) {
  await db.transaction(async (tx) => {
    const { schoolId } = await deleteFactAudited(tx, fact, scope, id, actor.id);
    await recomputeSchools(tx, [schoolId], todayInChina());
  });
}
