import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db, Tx } from '../../db/client.js';
import { agreements, applications, schools } from '../../db/schema/index.js';
import type { AgreementState, Tier } from '@campus/common';
import type { Actor, Scope } from '@campus/common';
import { agreementTransitions, type AgreementContext } from '@campus/common';
import { todayInChina } from '@campus/common';
import { schoolScopeCondition } from '../access/scope-filter.js';
import { appendAudit } from '../audit/audit-repository.js';
import { notify } from '../notifications/notify.js';
import { checkTransition } from '../workflow/transition-runner.js';
import { policyInForce } from '../tier-policies/policy-in-force.js';
import { activateAgreement } from './activate-agreement.js';
import { recomputeSchools } from '../compliance/recompute.js';
import { notFound } from '../../lib/errors.js';
import type { agreementActionBody } from './agreement-schemas.js';

type Input = z.infer<typeof agreementActionBody>;

/** One agreement action in one transaction: scoped lock, checks, change, audit, notifications. */
export async function runAgreementAction(db: Db, actor: Actor, scope: Scope, id: number, action: string, input: Input) {
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
    const to = decision.to as AgreementState;
    const comment = input.comment?.trim() || null;
    const changes: Partial<typeof agreements.$inferInsert> = {};
    if (action === 'sign') changes.signedOn = input.on;
    if (action === 'hold_plaque_ceremony') Object.assign(changes, { plaqueOn: input.on, plaquePlace: input.place!.trim() });
    if (action === 'pass_inspection') changes.inspectionPassedOn = input.on;
    if (action === 'fail_inspection') {
      changes.inspectionFindings = [...(row.inspectionFindings as unknown[]), { on: input.on, missing: input.missing!.filter((m) => m.trim()), comment, by: actor.id }];
    }
    if (action === 'close_rectification') Object.assign(changes, { rectificationNotice: null, rectificationDeadline: null, rectificationKpis: null });
    if (action === 'terminate') changes.endedOn = today;
    if (to === 'active' && row.status !== 'rectifying') {
      await activateAgreement(tx, id, row.schoolId, row.tier, input.on ?? today, actor.id);
    }
    const [updated] = await tx.update(agreements)
      .set({ ...changes, status: to, version: row.version + 1, updatedAt: sql`now()` })
      .where(eq(agreements.id, id)).returning();
    if (to === 'active' && row.status === 'rectifying') await tx.update(schools).set({ status: 'partner' }).where(eq(schools.id, row.schoolId));
    if (to === 'terminated') await tx.update(schools).set({ status: 'terminated', tier: null }).where(eq(schools.id, row.schoolId));
    await appendAudit(tx, {
      entityType: 'agreement', entityId: id, schoolId: row.schoolId, action, fromState: row.status, toState: to, actorId: actor.id, comment,
      data: { ...changes, ...(input.evidenceIds?.length ? { evidenceIds: input.evidenceIds } : {}), ...(input.checklist ? { checklist: input.checklist } : {}) },
    });
    // Every agreement change (a start date, an end, a superseded predecessor) moves the school's
    // compliance rows: they are recomputed in this transaction, never left for the daily refresh.
    await recomputeSchools(tx, [row.schoolId], today);
    await notify(tx, { audience: ['school'], schoolId: row.schoolId, kind: `agreement.${action}`, entityType: 'agreement', entityId: id, params: { tier: row.tier, comment }, exceptUserId: actor.id });
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
