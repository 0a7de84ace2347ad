import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Tx } from '../../db/client.js';
import { agreements, applicationPlanItems, applications, courses, evidenceFiles, schoolRequiredCourses, schools } from '../../db/schema/index.js';
import type { Actor, AuditedRow, PlanSnapshot, Tier } from '@campus/common';
import { initialAgreementState, todayInChina } from '@campus/common';
import { appendAudit } from '../audit/audit-repository.js';
import { policyInForce } from '../tier-policies/policy-in-force.js';
import { markSchoolPartner, supersedeLiveAgreements } from '../agreements/activate-agreement.js';
import { complianceFollowsAgreement } from '../agreements/compliance-follows.js';
import { notifies, type Effects, type TransitionRun } from '../workflow/effects.js';
import type { applicationActionBody } from './application-schemas.js';

type Application = typeof applications.$inferSelect;
type PlanItem = typeof applicationPlanItems.$inferSelect;
export type ApplicationActionInput = Partial<z.infer<typeof applicationActionBody>>;

/** An application action being carried out, with the plan items and HQ's decisions on them. */
export type ApplicationRun = TransitionRun<Application, ApplicationActionInput> & {
  planItems: PlanItem[];
  decisions: Record<number, boolean>;
};

/** The effects the application table names (packages/common application-transitions.ts). */
export const applicationEffects: Effects<ApplicationRun> = {
  /** A (re)submission is dated, and the reviewers' comments of an earlier return are cleared. */
  stampSubmission: { before: (r) => { Object.assign(r.set, { submittedAt: sql`now()`, reviewComments: {} }); } },
  /** A return keeps the reviewer's comments by field, and the overall one, for the school's form. */
  recordReviewComments: {
    before: (r) => {
      r.set.reviewComments = { ...(r.input.fieldComments ?? {}), ...(r.comment ? { _overall: r.comment } : {}) };
      // The plan as the reviewer saw it: the resubmission is shown against it (what changed since the comments).
      r.data.snapshot = {
        tier: r.row.tier, plan: r.row.plan as Record<string, unknown>, pledge: r.row.pledge,
        planItems: r.planItems.map((i) => ({ id: i.id, kind: i.kind, title: i.title, details: (i.details ?? {}) as Record<string, unknown>, needsPlatformSupport: i.needsPlatformSupport })),
      } satisfies PlanSnapshot;
    },
  },
  /** HQ took the regional step because the region has no active regional staff: the audit event names the region. */
  recordActedForRegion: {
    before: async (r) => {
      const [s] = await r.tx.select({ regionId: schools.regionId }).from(schools).where(eq(schools.id, r.row.schoolId));
      r.data.actedForRegion = s.regionId;
    },
  },
  /** The application reached a final state (approved, rejected, withdrawn). */
  stampDecision: { before: (r) => { r.set.decidedAt = sql`now()`; } },
  recordPlanItemDecisions: { after: (r) => recordPlanItemDecisions(r.tx, r.planItems.map((p) => p.id), r.decisions, r.actor.id) },
  /** hq_approve creates the partnership, and the plan's catalogue courses become required. */
  createAgreement: {
    after: async (r) => {
      const agreementId = await createAgreementFor(r.tx, r.row, r.actor);
      r.data.agreementId = agreementId;
      r.result.agreementId = agreementId;
      await requirePlannedCourses(r.tx, r.row.schoolId, r.planItems);
    },
  },
  /** A school whose only application ended without a partnership is a prospect again. */
  releaseSchoolIfIdle: { last: (r) => releaseSchoolIfIdle(r.tx, r.row.schoolId) },
  /** The draft, its plan items and its files are removed; the audit event keeps the deleted record. */
  deleteDraft: {
    before: async (r) => {
      const files = await r.tx.delete(evidenceFiles)
        .where(and(eq(evidenceFiles.entityType, 'application'), eq(evidenceFiles.entityId, r.row.id)))
        .returning({ storageKey: evidenceFiles.storageKey });
      const deleted = JSON.parse(JSON.stringify({ ...r.row, planItems: r.planItems })) as AuditedRow;
      await r.tx.delete(applications).where(eq(applications.id, r.row.id));
      await appendAudit(r.tx, { entityType: 'application', entityId: r.row.id, schoolId: r.row.schoolId, action: 'delete', fromState: r.row.status, actorId: r.actor.id, data: { deleted } });
      r.removed = true;
      r.result.storageKeys = files.map((f) => f.storageKey);
    },
  },
  notifyRegional: notifies('regional'),
  notifyHq: notifies('hq'),
  notifySchool: notifies('school'),
};

async function recordPlanItemDecisions(tx: Tx, itemIds: number[], decisions: Record<number, boolean>, actorId: number) {
  for (const [itemId, approved] of Object.entries(decisions)) {
    if (!itemIds.includes(Number(itemId))) continue;
    await tx.update(applicationPlanItems).set({ approved, approvedBy: actorId }).where(eq(applicationPlanItems.id, Number(itemId)));
  }
}

/** The tier policy decides whether the new partnership starts active (DOMAIN.md). */
async function createAgreementFor(tx: Tx, app: Application, actor: Actor) {
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
    await complianceFollowsAgreement(tx, app.schoolId, today);
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

async function releaseSchoolIfIdle(tx: Tx, schoolId: number) {
  const live = await tx.select({ id: agreements.id }).from(agreements).where(eq(agreements.schoolId, schoolId)).limit(1);
  if (!live.length) await tx.update(schools).set({ status: 'prospect' }).where(inArray(schools.id, [schoolId]));
}
