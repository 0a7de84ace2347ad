import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db, Tx } from '../../db/client.js';
import { agreements, applications } from '../../db/schema/index.js';
import type { AgreementActionData, AgreementPathAction, AgreementState, Tier } from '@campus/common';
import type { Actor, Scope } from '@campus/common';
import { agreementTransitions, type AgreementContext } from '@campus/common';
import { todayInChina } from '@campus/common';
import { schoolScopeCondition } from '../access/scope-filter.js';
import { appendAudit } from '../audit/audit-repository.js';
import { notify } from '../notifications/notify.js';
import { checkTransition } from '../workflow/transition-runner.js';
import { policyInForce } from '../tier-policies/policy-in-force.js';
import { carryOut, startRun } from '../workflow/effects.js';
import { effectRegistry } from '../workflow/effect-registry.js';
import type { AgreementRun } from './agreement-effects.js';
import { notFound } from '../../lib/errors.js';
import type { agreementActionBody } from './agreement-schemas.js';

type Input = z.infer<typeof agreementActionBody>;

/** Files that go with the step (the signed agreement, the ceremony's photos): recorded in the step's transaction, their ids answered. */
export type AttachFiles = (tx: Tx, row: typeof agreements.$inferSelect) => Promise<number[]>;

/**
 * One agreement action in one transaction: scoped lock, checks, then the table row's effects around
 * the change, the audit event and the notification. `attach` records the step's files once the
 * change is made, in the same transaction: a refused step stores none.
 */
export async function runAgreementAction(db: Db, actor: Actor, scope: Scope, id: number, action: string, input: Input, attach?: AttachFiles) {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(agreements)
      .where(and(eq(agreements.id, id), schoolScopeCondition(scope, agreements.schoolId))).for('update');
    if (!row) throw notFound('agreement');
    const today = todayInChina();
    const policy = await policyInForce(tx, row.tier as Tier, Number(today.slice(0, 4)));
    const ctx: AgreementContext = {
      rules: policy, today, steps: { approvedOn: await approvalDate(tx, row), signedOn: row.signedOn, plaqueOn: row.plaqueOn },
      input: { comment: input.comment, on: input.on, place: input.place, missing: input.missing, checklist: input.checklist },
    };
    const decision = checkTransition(agreementTransitions, row, action, actor.role, input.version, ctx);
    const run: AgreementRun = startRun({ tx, actor, row, action, to: decision.to, input, today, comment: input.comment?.trim() || null });
    let updated: typeof agreements.$inferSelect | undefined;
    let attached: number[] = [];
    await carryOut(effectRegistry.agreement, decision.effects, run, {
      update: async (r) => {
        [updated] = await tx.update(agreements)
          .set({ ...r.set, status: r.to as AgreementState, version: row.version + 1, updatedAt: sql`now()` })
          .where(eq(agreements.id, id)).returning();
        if (attach) attached = await attach(tx, row);
      },
      audit: (r) => appendAudit(tx, {
        entityType: 'agreement', entityId: id, schoolId: row.schoolId, action: action as AgreementPathAction, fromState: row.status, toState: r.to, actorId: actor.id, comment: r.comment,
        data: { ...(r.set as AgreementActionData), ...(input.evidenceIds?.length || attached.length ? { evidenceIds: [...(input.evidenceIds ?? []), ...attached] } : {}), ...(input.checklist ? { checklist: input.checklist } : {}) },
      }).then(() => undefined),
      notify: async (r) => {
        await notify(tx, { audience: r.audience, schoolId: row.schoolId, kind: `agreement.${action}`, entityType: 'agreement', entityId: id, params: { tier: row.tier, comment: r.comment }, exceptUserId: actor.id });
      },
    });
    return updated;
  });
}

/** The day HQ approved the partnership: its application's decision, or (without one) the agreement's creation, in China. */
async function approvalDate(tx: Tx, row: typeof agreements.$inferSelect) {
  const [app] = row.applicationId
    ? await tx.select({ decidedAt: applications.decidedAt }).from(applications).where(eq(applications.id, row.applicationId))
    : [];
  return todayInChina(app?.decidedAt ?? row.createdAt);
}
