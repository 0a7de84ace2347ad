import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import { applications } from '../../db/schema/index.js';
import type { Actor, Scope } from '@campus/common';
import type { ApplicationState } from '@campus/common';
import { editableApplicationStates } from '@campus/common';
import { refused } from '../../lib/refusals.js';
import type { applicationUpdateBody } from './application-schemas.js';
import { loadApplicationForUpdate } from './load-for-update.js';
import { replacePlanItems } from './plan-items.js';

/**
 * The school saves its draft (or its returned application) as it types. Version-checked so that a
 * second tab cannot silently overwrite the first; not audited (the transitions are).
 */
export async function updateApplication(db: Db, actor: Actor, scope: Scope, id: number, input: z.infer<typeof applicationUpdateBody>) {
  if (actor.role !== 'school') throw refused('forbidden_role', 'only_school_edits');
  return db.transaction(async (tx) => {
    const row = await loadApplicationForUpdate(tx, id, scope);
    if (row.version !== input.version) throw refused('stale_version', 'stale_version');
    if (!editableApplicationStates.includes(row.status as ApplicationState)) {
      throw refused('wrong_state', { code: 'application_not_editable', params: { state: row.status } });
    }
    const [updated] = await tx.update(applications).set({
      ...(input.tier ? { tier: input.tier } : {}),
      ...(input.plan ? { plan: input.plan } : {}),
      ...(input.pledge !== undefined ? { pledge: input.pledge } : {}),
      version: row.version + 1, updatedAt: sql`now()`,
    }).where(eq(applications.id, id)).returning();
    if (input.planItems) await replacePlanItems(tx, id, input.planItems);
    return updated;
  });
}
