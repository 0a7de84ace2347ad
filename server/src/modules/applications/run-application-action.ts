import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db, Tx } from '../../db/client.js';
import { agreements, applicationPlanItems, applications, courses, schoolRequiredCourses, schools } from '../../db/schema/index.js';
import type { ApplicationState, Tier } from '@campus/common';
import type { Actor, Scope } from '@campus/common';
import { applicationTransitions, type ApplicationContext } from '@campus/common';
import { initialAgreementState } from '@campus/common';
import { todayInChina } from '@campus/common';
import { appendAudit } from '../audit/audit-repository.js';
import { notify, type Audience } from '../notifications/notify.js';
import { checkTransition } from '../workflow/transition-runner.js';
import { policyInForce } from '../tier-policies/policy-in-force.js';
import { markSchoolPartner, supersedeLiveAgreements } from '../agreements/activate-agreement.js';
import { loadApplicationForUpdate } from './load-for-update.js';
import { recomputeSchools } from '../compliance/recompute.js';
import type { applicationActionBody } from './application-schemas.js';

type ActionInput = z.infer<typeof applicationActionBody>;

const audienceOf: Record<string, Audience[]> = { notify_regional: ['regional'], notify_hq: ['hq'], notify_school: ['school'] };

/**
 * Runs one application action as one transaction: lock the row through the scope (404), check role,
 * version, state and guard (403/409/400), apply, carry out the side effects of the table row, append
 * the audit event and notify whoever must act next.
 */
export async function runApplicationAction(db: Db, actor: Actor, scope: Scope, id: number, action: string, input: ActionInput) {
  return db.transaction(async (tx) => {
    const row = await loadApplicationForUpdate(tx, id, scope);
    const planItems = await tx.select().from(applicationPlanItems).where(eq(applicationPlanItems.applicationId, id)).orderBy(asc(applicationPlanItems.position));
    const decisions = Object.fromEntries(Object.entries(input.planItemDecisions ?? {}).map(([k, v]) => [Number(k), v]));
    const ctx: ApplicationContext = {
      tier: row.tier as Tier, plan: row.plan as Record<string, unknown>, pledge: row.pledge,
      planItems, input: { comment: input.comment, fieldComments: input.fieldComments, planItemDecisions: decisions },
    };
    const decision = checkTransition(applicationTransitions, row, action, actor.role, input.version, ctx);
    const to = decision.to as ApplicationState;
    const comment = input.comment?.trim() || null;

    const isReturn = action === 'regional_return' || action === 'hq_return';
    const [updated] = await tx.update(applications).set({
      status: to,
      version: row.version + 1,
      updatedAt: sql`now()`,
      ...(action === 'submit' || action === 'resubmit' ? { submittedAt: sql`now()`, reviewComments: {} } : {}),
      ...(isReturn ? { reviewComments: { ...(input.fieldComments ?? {}), ...(comment ? { _overall: comment } : {}) } } : {}),
      ...(['approved', 'rejected', 'withdrawn'].includes(to) ? { decidedAt: sql`now()` } : {}),
    }).where(eq(applications.id, id)).returning();

    let agreementId: number | undefined;
    if (decision.effects.includes('record_plan_item_decisions')) await recordPlanItemDecisions(tx, planItems.map((p) => p.id), decisions, actor.id);
    if (decision.effects.includes('create_agreement')) {
      agreementId = await createAgreementFor(tx, row, actor);
      await requirePlannedCourses(tx, row.schoolId, planItems);
    }

    await appendAudit(tx, {
      entityType: 'application', entityId: id, schoolId: row.schoolId, action, fromState: row.status, toState: to,
      actorId: actor.id, comment, data: {
        ...(input.fieldComments && Object.keys(input.fieldComments).length ? { fieldComments: input.fieldComments } : {}),
        ...(Object.keys(decisions).length ? { planItemDecisions: decisions } : {}),
        ...(agreementId ? { agreementId } : {}),
      },
    });
    const audience = decision.effects.flatMap((e) => audienceOf[e] ?? []);
    await notify(tx, { audience, schoolId: row.schoolId, kind: `application.${action}`, entityType: 'application', entityId: id, params: { tier: row.tier, comment }, exceptUserId: actor.id });
    if (action === 'withdraw' || to === 'rejected') await releaseSchoolIfIdle(tx, row.schoolId);
    return { ...updated, agreementId };
  });
}

async function recordPlanItemDecisions(tx: Tx, itemIds: number[], decisions: Record<number, boolean>, actorId: number) {
  for (const [itemId, approved] of Object.entries(decisions)) {
    if (!itemIds.includes(Number(itemId))) continue;
    await tx.update(applicationPlanItems).set({ approved, approvedBy: actorId }).where(eq(applicationPlanItems.id, Number(itemId)));
  }
}

/** hq_approve creates the partnership; the tier policy decides whether it starts active (DOMAIN.md). */
async function createAgreementFor(tx: Tx, app: typeof applications.$inferSelect, actor: Actor) {
  const today = todayInChina();
  const policy = await policyInForce(tx, app.tier as Tier, Number(today.slice(0, 4)));
  const status = initialAgreementState(policy);
  const active = status === 'active';
  if (active) await supersedeLiveAgreements(tx, app.schoolId, null, today, actor.id);
  const [agreement] = await tx.insert(agreements).values({
    schoolId: app.schoolId, applicationId: app.id, tier: app.tier, status, termYears: policy.termYears,
    previousAgreementId: app.upgradeFromAgreementId, startDate: active ? today : null,
  }).returning();
  if (active) {
    await markSchoolPartner(tx, app.schoolId, app.tier);
    // The new agreement's first year and the superseded one's end are in the school's compliance at once.
    await recomputeSchools(tx, [app.schoolId], today);
  }
  await appendAudit(tx, { entityType: 'agreement', entityId: agreement.id, schoolId: app.schoolId, action: 'create', toState: status, actorId: actor.id, data: { applicationId: app.id } });
  return agreement.id;
}

/**
 * The teaching resources of an approved plan that name catalogue courses become the courses the
 * school's students must complete (the teaching-delivery KPI).
 */
async function requirePlannedCourses(tx: Tx, schoolId: number, items: { kind: string; details: unknown }[]) {
  const ids = items.filter((i) => i.kind === 'teaching_resource')
    .map((i) => Number((i.details as { courseId?: unknown })?.courseId))
    .filter((id) => Number.isInteger(id) && id > 0);
  if (!ids.length) return;
  const catalogue = await tx.select({ id: courses.id }).from(courses).where(and(inArray(courses.id, ids), isNull(courses.schoolId)));
  if (catalogue.length) await tx.insert(schoolRequiredCourses).values(catalogue.map((c) => ({ schoolId, courseId: c.id }))).onConflictDoNothing();
}

/** A school whose only application ended without a partnership is a prospect again. */
async function releaseSchoolIfIdle(tx: Tx, schoolId: number) {
  const live = await tx.select({ id: agreements.id }).from(agreements).where(eq(agreements.schoolId, schoolId)).limit(1);
  if (!live.length) await tx.update(schools).set({ status: 'prospect' }).where(inArray(schools.id, [schoolId]));
}
