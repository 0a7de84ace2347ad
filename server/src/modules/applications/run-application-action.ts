import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { applicationPlanItems, applications } from '../../db/schema/index.js';
import type { ApplicationActionData, ApplicationReviewAction, Tier } from '@campus/common';
import type { Actor, Scope } from '@campus/common';
import { applicationTransitions, type ApplicationContext } from '@campus/common';
import { todayInChina } from '@campus/common';
import { appendAudit } from '../audit/audit-repository.js';
import { notify } from '../notifications/notify.js';
import { checkTransition } from '../workflow/transition-runner.js';
import { carryOut, startRun } from '../workflow/effects.js';
import { effectRegistry } from '../workflow/effect-registry.js';
import { loadApplicationForUpdate } from './load-for-update.js';
import { regionOfSchool } from './region-staff.js';
import type { ApplicationActionInput, ApplicationRun } from './application-effects.js';

/**
 * Runs one application action as one transaction: lock the row through the scope (404), check role,
 * version, state and guard (403/409/400), then carry out the table row's effects around the update,
 * the audit event and the notification of whoever must act next. Without a version (the DELETE
 * route) the row's own is taken.
 */
/** The application as the action left it (with the ids it created), or the record it removed and its files. */
export type ApplicationActionOutcome =
  | { removed: true; record: typeof applications.$inferSelect; storageKeys: string[] }
  | (typeof applications.$inferSelect & Record<string, unknown> & { removed: false });

export async function runApplicationAction(db: Db, actor: Actor, scope: Scope, id: number, action: string, input: ApplicationActionInput): Promise<ApplicationActionOutcome> {
  return db.transaction(async (tx) => {
    const row = await loadApplicationForUpdate(tx, id, scope);
    const planItems = await tx.select().from(applicationPlanItems).where(eq(applicationPlanItems.applicationId, id)).orderBy(asc(applicationPlanItems.position));
    const decisions = Object.fromEntries(Object.entries(input.planItemDecisions ?? {}).map(([k, v]) => [Number(k), v]));
    const ctx: ApplicationContext = {
      tier: row.tier as Tier, plan: row.plan as Record<string, unknown>, pledge: row.pledge,
      planItems, input: { comment: input.comment, fieldComments: input.fieldComments, planItemDecisions: decisions },
      region: await regionOfSchool(tx, row.schoolId),
    };
    const decision = checkTransition(applicationTransitions, row, action, actor.role, input.version ?? row.version, ctx);
    const run: ApplicationRun = {
      ...startRun({ tx, actor, row, action, to: decision.to, input, today: todayInChina(), comment: input.comment?.trim() || null }),
      planItems, decisions,
    };
    run.data = {
      ...(input.fieldComments && Object.keys(input.fieldComments).length ? { fieldComments: input.fieldComments } : {}),
      ...(Object.keys(decisions).length ? { planItemDecisions: decisions } : {}),
    };
    let updated: typeof applications.$inferSelect | undefined;
    await carryOut(effectRegistry.application, decision.effects, run, {
      update: async (r) => {
        [updated] = await tx.update(applications).set({ ...r.set, status: r.to, version: row.version + 1, updatedAt: sql`now()` })
          .where(eq(applications.id, id)).returning();
      },
      audit: (r) => appendAudit(tx, {
        entityType: 'application', entityId: id, schoolId: row.schoolId, action: action as ApplicationReviewAction, fromState: row.status, toState: r.to,
        actorId: actor.id, comment: r.comment, data: r.data as ApplicationActionData,
      }).then(() => undefined),
      notify: async (r) => {
        await notify(tx, { audience: r.audience, schoolId: row.schoolId, kind: `application.${action}`, entityType: 'application', entityId: id, params: { tier: row.tier, comment: r.comment }, exceptUserId: actor.id });
      },
    });
    if (run.removed) return { removed: true, record: row, storageKeys: (run.result.storageKeys ?? []) as string[] };
    return { ...updated!, ...run.result, removed: false };
  });
}
