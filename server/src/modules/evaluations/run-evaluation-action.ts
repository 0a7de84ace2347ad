import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import { agreements, evaluations } from '../../db/schema/index.js';
import type { Actor, AuditEventInput, Scope } from '@campus/common';
import { evaluationTransitions, nextTierUp, type EvaluationContext, type EvaluationKind } from '@campus/common';
import { schoolScopeCondition } from '../access/scope-filter.js';
import { appendAudit } from '../audit/audit-repository.js';
import { notify } from '../notifications/notify.js';
import { checkTransition } from '../workflow/transition-runner.js';
import { carryOut, startRun } from '../workflow/effects.js';
import { effectRegistry } from '../workflow/effect-registry.js';
import { notFound } from '../../lib/errors.js';
import type { EvaluationRun } from './evaluation-effects.js';
import type { evaluationActionBody } from './evaluation-schemas.js';

/**
 * refresh (a new snapshot while open, audited) or decide (the decision applied to the agreement), in
 * one transaction: the table row's effects around the evaluation's update, its audit event and the
 * school's notification.
 */
export async function runEvaluationAction(db: Db, actor: Actor, scope: Scope, id: number, action: string, input: z.infer<typeof evaluationActionBody>, today: string) {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(evaluations).where(and(eq(evaluations.id, id), schoolScopeCondition(scope, evaluations.schoolId))).for('update');
    if (!row) throw notFound('evaluation');
    const [agreement] = await tx.select().from(agreements).where(eq(agreements.id, row.agreementId)).for('update');
    const ctx: EvaluationContext = {
      kind: row.kind as EvaluationKind, today, nextTier: nextTierUp(agreement.tier),
      input: { decision: input.decision, reason: input.reason, deadline: input.deadline, failingKpis: input.failingKpis, notice: input.notice },
    };
    const decision = checkTransition(evaluationTransitions, row, action, actor.role, input.version, ctx);
    const run: EvaluationRun = { ...startRun({ tx, actor, row, action, to: decision.to, input, today, comment: input.comment ?? null }), agreement };
    let updated: typeof evaluations.$inferSelect | undefined;
    await carryOut(effectRegistry.evaluation, decision.effects, run, {
      update: async (r) => {
        [updated] = await tx.update(evaluations).set({ ...r.set, status: r.to, version: row.version + 1 }).where(eq(evaluations.id, id)).returning();
      },
      // The table has checked the action: refresh or decide, with the data their effects recorded.
      audit: async (r) => {
        await appendAudit(tx, { entityType: 'evaluation', entityId: id, schoolId: row.schoolId, action, fromState: row.status, toState: r.to, actorId: actor.id, comment: r.comment, data: r.data } as AuditEventInput);
      },
      notify: async (r) => {
        await notify(tx, { audience: r.audience, schoolId: row.schoolId, kind: `evaluation.${input.decision}`, entityType: 'evaluation', entityId: id, params: { year: row.year, decision: input.decision, deadline: input.deadline ?? null } });
      },
    });
    return { ...updated, ...run.result };
  });
}
