import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { tierPolicies } from '../../db/schema/index.js';
import type { Actor } from '@campus/common';
import { appendAudit } from '../audit/audit-repository.js';
import { badRequest, notFound } from '../../lib/errors.js';
import { refused } from '../../lib/refusals.js';
import { thresholdFields } from './tier-policy-schemas.js';
import { recomputeTier } from '../compliance/recompute.js';
import { todayInChina } from '@campus/common';

type Thresholds = Partial<Record<keyof typeof thresholdFields, unknown>>;

function changesOf(before: Record<string, unknown>, input: Thresholds) {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of Object.keys(thresholdFields) as (keyof typeof thresholdFields)[]) {
    if (input[key] === undefined) continue;
    if (before[key] !== input[key]) changes[key] = { from: before[key], to: input[key] };
  }
  return changes;
}

/** HQ edits a policy's thresholds: version-checked, one transaction, audited with before and after. */
export async function updateTierPolicy(db: Db, actor: Actor, id: number, input: Thresholds & { version: number; comment?: string }) {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(tierPolicies).where(eq(tierPolicies.id, id)).for('update');
    if (!before) throw notFound('tier policy');
    if (before.version !== input.version) {
      throw refused('stale_version', 'stale_version');
    }
    const changes = changesOf(before as unknown as Record<string, unknown>, input);
    const next = { ...before, ...Object.fromEntries(Object.entries(changes).map(([k, v]) => [k, v.to])) } as typeof before;
    if (next.requiresPlaque && !next.requiresSigning) throw badRequest('plaque_needs_signing', [{ field: 'requiresSigning', code: 'plaque_needs_signing' }]);
    if (!Object.keys(changes).length) return before;
    const [after] = await tx.update(tierPolicies)
      .set({ ...Object.fromEntries(Object.entries(changes).map(([k, v]) => [k, v.to])), version: before.version + 1, updatedBy: actor.id, updatedAt: sql`now()` })
      .where(and(eq(tierPolicies.id, id), eq(tierPolicies.version, input.version)))
      .returning();
    // The verdicts of every school of the tier follow the new thresholds from the next read on.
    await recomputeTier(tx, before.tier, todayInChina());
    await appendAudit(tx, {
      entityType: 'tier_policy', entityId: id, action: 'update', actorId: actor.id,
      comment: input.comment ?? null, data: { tier: before.tier, effectiveYear: before.effectiveYear, changes },
    });
    return after;
  });
}
