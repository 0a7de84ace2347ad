import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import { tierPolicies } from '../../db/schema/index.js';
import type { Actor } from '@campus/common';
import { appendAudit } from '../audit/audit-repository.js';
import { badRequest } from '../../lib/errors.js';
import type { tierPolicyCreateBody } from './tier-policy-schemas.js';
import { recomputeTier } from '../compliance/recompute.js';
import { todayInChina } from '@campus/common';

/** HQ sets the thresholds of a tier from a new effective year on; audited. */
export async function createTierPolicy(db: Db, actor: Actor, input: z.infer<typeof tierPolicyCreateBody>) {
  if (input.requiresPlaque && !input.requiresSigning) throw badRequest('plaque_needs_signing', [{ field: 'requiresSigning', code: 'plaque_needs_signing' }]);
  return db.transaction(async (tx) => {
    const { comment, ...values } = input;
    const [row] = await tx.insert(tierPolicies).values({ ...values, updatedBy: actor.id }).returning();
    await recomputeTier(tx, row.tier, todayInChina());
    await appendAudit(tx, { entityType: 'tier_policy', entityId: row.id, action: 'create', actorId: actor.id, comment: comment ?? null, data: values });
    return row;
  });
}
