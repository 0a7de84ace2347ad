import { asc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db, Tx } from '../../db/client.js';
import { applicationPlanItems, applications } from '../../db/schema/index.js';
import type { Actor, Scope } from '@campus/common';
import type { ApplicationState } from '@campus/common';
import { editableApplicationStates } from '@campus/common';
import { refused } from '../../lib/refusals.js';
import type { applicationUpdateBody } from './application-schemas.js';
import { loadApplicationForUpdate } from './load-for-update.js';
import { replacePlanItems } from './plan-items.js';
import { appendAudit } from '../audit/audit-repository.js';
import { changesBetween, leafFields } from '../audit/field-changes.js';

const planItemsOf = (tx: Tx, id: number) => tx.select().from(applicationPlanItems)
  .where(eq(applicationPlanItems.applicationId, id)).orderBy(asc(applicationPlanItems.position), asc(applicationPlanItems.id));

/** What an edit of the application may change, as the audit records it. */
function auditedForm(app: typeof applications.$inferSelect, items: (typeof applicationPlanItems.$inferSelect)[]) {
  return {
    tier: app.tier,
    pledge: app.pledge,
    ...leafFields(app.plan, 'plan'),
    planItems: items.map((i) => ({ kind: i.kind, title: i.title, details: i.details, needsPlatformSupport: i.needsPlatformSupport })),
  };
}

/**
 * The school saves its draft (or its returned application) as it types. Version-checked so that a
 * second tab cannot silently overwrite the first. A save that changes something is audited with
 * each changed field from and to (the plan by the path of each value, the plan items as a list).
 */
export async function updateApplication(db: Db, actor: Actor, scope: Scope, id: number, input: z.infer<typeof applicationUpdateBody>) {
  if (actor.role !== 'school') throw refused('forbidden_role', 'only_school_edits');
  return db.transaction(async (tx) => {
    const row = await loadApplicationForUpdate(tx, id, scope);
    const before = auditedForm(row, await planItemsOf(tx, id));
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
    const changes = changesBetween(before, auditedForm(updated, await planItemsOf(tx, id)));
    if (Object.keys(changes).length) {
      await appendAudit(tx, { entityType: 'application', entityId: id, schoolId: row.schoolId, action: 'update', actorId: actor.id, data: { changes } });
    }
    return updated;
  });
}
