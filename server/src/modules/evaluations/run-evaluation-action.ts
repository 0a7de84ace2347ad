import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import { agreements, evaluations } from '../../db/schema/index.js';
import type { Actor, Scope } from '@campus/common';
import { evaluationTransitions, nextTierUp, type EvaluationContext, type EvaluationKind } from '@campus/common';
import { schoolScopeCondition } from '../access/scope-filter.js';
import { appendAudit } from '../audit/audit-repository.js';
import { notify } from '../notifications/notify.js';
import { checkTransition } from '../workflow/transition-runner.js';
import { recomputeSchools } from '../compliance/recompute.js';
import { AppError, ErrorCode, notFound } from '../../lib/errors.js';
import { snapshotsOf } from './open-evaluations.js';
import { applyDecision } from './apply-decision.js';
import type { evaluationActionBody } from './evaluation-schemas.js';

/** refresh (a new snapshot while open, audited) or decide (the decision applied to the agreement), in one transaction. */
export async function runEvaluationAction(db: Db, actor: Actor, scope: Scope, id: number, action: string, input: z.infer<typeof evaluationActionBody>, today: string) {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(evaluations).where(and(eq(evaluations.id, id), schoolScopeCondition(scope, evaluations.schoolId))).for('update');
    if (!row) throw notFound('evaluation');
    const [agreement] = await tx.select().from(agreements).where(eq(agreements.id, row.agreementId)).for('update');
    const ctx: EvaluationContext = {
      kind: row.kind as EvaluationKind, today, nextTier: nextTierUp(agreement.tier),
      input: { decision: input.decision, reason: input.reason, deadline: input.deadline, failingKpis: input.failingKpis, notice: input.notice },
    };
    checkTransition(evaluationTransitions, row, action, actor.role, input.version, ctx);

    if (action === 'refresh') {
      await recomputeSchools(tx, [row.schoolId], today);
      const snapshot = (await snapshotsOf(tx, [{ agreementId: row.agreementId, year: row.year }])).get(`${row.agreementId}-${row.year}`) ?? row.snapshot;
      const [updated] = await tx.update(evaluations).set({ snapshot, snapshotAt: sql`now()`, version: row.version + 1 }).where(eq(evaluations.id, id)).returning();
      await appendAudit(tx, { entityType: 'evaluation', entityId: id, schoolId: row.schoolId, action: 'refresh', fromState: 'open', toState: 'open', actorId: actor.id, comment: input.comment ?? null,
        data: { before: { compliant: (row.snapshot as { compliant?: boolean }).compliant, failingKpis: (row.snapshot as { failingKpis?: string[] }).failingKpis }, after: { compliant: (snapshot as { compliant?: boolean }).compliant, failingKpis: (snapshot as { failingKpis?: string[] }).failingKpis } } });
      return updated;
    }

    // decide: the decision changes the agreement in the same transaction
    if (!['active', 'rectifying'].includes(agreement.status)) {
      throw new AppError(409, ErrorCode.invalidState, `Agreement #${agreement.id} is ${agreement.status}; its evaluation can no longer change it.`);
    }
    const effects = await applyDecision(tx, actor, agreement, { decision: input.decision!, reason: input.reason!.trim(), deadline: input.deadline, failingKpis: input.failingKpis, notice: input.notice }, today);
    const [updated] = await tx.update(evaluations).set({
      status: 'decided', decision: input.decision!, reason: input.reason!.trim(), deadline: input.decision === 'rectify' ? input.deadline! : null,
      failingKpis: input.decision === 'rectify' ? input.failingKpis! : null, notice: input.decision === 'rectify' ? input.notice! : null,
      decidedBy: actor.id, decidedAt: sql`now()`, version: row.version + 1,
    }).where(eq(evaluations.id, id)).returning();
    await appendAudit(tx, { entityType: 'evaluation', entityId: id, schoolId: row.schoolId, action: 'decide', fromState: 'open', toState: 'decided', actorId: actor.id, comment: input.reason ?? null, data: { decision: input.decision, ...effects } });
    await recomputeSchools(tx, [row.schoolId], today);
    await notify(tx, { audience: ['school'], schoolId: row.schoolId, kind: `evaluation.${input.decision}`, entityType: 'evaluation', entityId: id, params: { year: row.year, decision: input.decision, deadline: input.deadline ?? null } });
    return { ...updated, ...effects };
  });
}
