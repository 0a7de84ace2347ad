import { and, asc, desc, eq, gte, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { agreements, applicationPlanItems, applications, complianceSummaries, courses, evaluations, tierPolicies } from '../../db/schema/index.js';
import {
  agreementYear, agreementYearOn, lastDay, planDiff, todayInChina,
  type ComplianceRecord, type PlanSnapshot, type ResubmissionInfo, type ReviewContextRecord, type Scope, type Tier,
} from '@campus/common';
import { schoolScopeCondition } from '../access/scope-filter.js';
import { notFound } from '../../lib/errors.js';
import { policyInForce } from '../tier-policies/policy-in-force.js';
import { buildChecklist } from './checklist.js';
import { instructorsWithCertifications, returnActions, reviewEvents, schoolHistory, toReviewComment } from './school-history.js';

type Policy = typeof tierPolicies.$inferSelect;
const yearOf = (day: string) => Number(day.slice(0, 4));

async function planOf(db: Executor, applicationId: number | null) {
  if (!applicationId) return { plan: {}, pledge: false, items: [] as (typeof applicationPlanItems.$inferSelect)[] };
  const [app] = await db.select({ plan: applications.plan, pledge: applications.pledge }).from(applications).where(eq(applications.id, applicationId));
  const items = await db.select().from(applicationPlanItems).where(eq(applicationPlanItems.applicationId, applicationId))
    .orderBy(asc(applicationPlanItems.position), asc(applicationPlanItems.id));
  return { plan: (app?.plan ?? {}) as Record<string, unknown>, pledge: app?.pledge ?? false, items };
}

async function offlineCourses(db: Executor, schoolId: number, policy: Policy) {
  const [row] = await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(courses)
    .where(and(eq(courses.schoolId, schoolId), eq(courses.kind, 'offline'), gte(courses.classHours, policy.offlineCourseMinHours)));
  return row?.n ?? 0;
}

/** A resubmitted application: the latest return, its comments, and the plan's changes since (from the copy kept at the return). */
async function resubmissionOf(db: Executor, app: typeof applications.$inferSelect, items: (typeof applicationPlanItems.$inferSelect)[]): Promise<ResubmissionInfo | null> {
  if (app.status === 'draft' || app.status === 'returned') return null;
  const returns = await reviewEvents(db, [app.id], returnActions);
  const last = returns.at(-1);
  if (!last) return null;
  const snapshot = (last.data as { snapshot?: PlanSnapshot } | null)?.snapshot;
  const now: PlanSnapshot = {
    tier: app.tier, plan: app.plan as Record<string, unknown>, pledge: app.pledge,
    planItems: items.map((i) => ({ id: i.id, kind: i.kind, title: i.title, details: (i.details ?? {}) as Record<string, unknown>, needsPlatformSupport: i.needsPlatformSupport })),
  };
  const c = toReviewComment(last);
  return { returnedAt: c.at, returnedBy: c.actorName, action: c.action, comment: c.comment, fieldComments: c.fieldComments, diff: snapshot ? planDiff(snapshot, now) : null };
}

async function context(db: Executor, base: {
  kind: ReviewContextRecord['subject']['kind']; id: number; schoolId: number; tier: Tier; policy: Policy; policyYear: number; agreementYear: number | null;
  plan: { plan: Record<string, unknown>; pledge: boolean; items: (typeof applicationPlanItems.$inferSelect)[] };
  kpis: ComplianceRecord['kpis'] | null; kpiSource: 'records' | 'snapshot'; day: string;
  steps: { signedOn: string | null; plaqueOn: string | null; inspectionPassedOn: string | null } | null;
  resubmission: ResubmissionInfo | null;
}): Promise<ReviewContextRecord> {
  const today = todayInChina();
  const history = await schoolHistory(db, base.schoolId, today);
  const instructorsOnDay = base.day === today ? history.instructors : await instructorsWithCertifications(db, base.schoolId, base.day);
  const checklist = buildChecklist({
    tier: base.tier, policy: base.policy, plan: base.plan.plan, pledge: base.plan.pledge, planItems: base.plan.items,
    instructors: instructorsOnDay, kpis: base.kpis, kpiSource: base.kpiSource, steps: base.steps, recorded: base.kind !== 'application',
    offlineCoursesRecorded: await offlineCourses(db, base.schoolId, base.policy),
  });
  return {
    subject: { kind: base.kind, id: base.id, schoolId: base.schoolId, schoolName: history.school.name, tier: base.tier, policyId: base.policy.id, policyYear: base.policyYear, agreementYear: base.agreementYear },
    checklist, history, resubmission: base.resubmission,
  };
}

/** An application's review context: the plan against the policy the partnership would start under (this year's). */
export async function applicationReviewContext(db: Executor, scope: Scope, id: number): Promise<ReviewContextRecord> {
  const [app] = await db.select().from(applications).where(and(eq(applications.id, id), schoolScopeCondition(scope, applications.schoolId)));
  if (!app) throw notFound('application');
  const today = todayInChina();
  const policyYear = yearOf(today);
  const policy = await policyInForce(db, app.tier as Tier, policyYear);
  const plan = await planOf(db, app.id);
  return context(db, {
    kind: 'application', id, schoolId: app.schoolId, tier: app.tier as Tier, policy, policyYear, agreementYear: null, plan,
    kpis: null, kpiSource: 'records', day: today, steps: null, resubmission: await resubmissionOf(db, app, plan.items),
  });
}

/**
 * An agreement's review context (signing, plaque, inspection, rectification): the policy of its
 * current agreement year (of this year, before it starts), its instructors on record today, the KPIs
 * of its current compliance row, and the plan it was approved with.
 */
export async function agreementReviewContext(db: Executor, scope: Scope, id: number): Promise<ReviewContextRecord> {
  const [a] = await db.select().from(agreements).where(and(eq(agreements.id, id), schoolScopeCondition(scope, agreements.schoolId)));
  if (!a) throw notFound('agreement');
  const today = todayInChina();
  let year: number | null = null;
  let policyYear = yearOf(today);
  if (a.startDate && a.startDate <= today) {
    year = Math.min(agreementYearOn(a.startDate, today), a.termYears);
    policyYear = yearOf(agreementYear(a.startDate, year).from);
  }
  const policy = await policyInForce(db, a.tier as Tier, policyYear);
  const [row] = await db.select({ record: complianceSummaries.record }).from(complianceSummaries)
    .where(eq(complianceSummaries.agreementId, a.id)).orderBy(desc(complianceSummaries.year)).limit(1);
  return context(db, {
    kind: 'agreement', id, schoolId: a.schoolId, tier: a.tier as Tier, policy, policyYear, agreementYear: year, plan: await planOf(db, a.applicationId),
    kpis: (row?.record as ComplianceRecord | undefined)?.kpis ?? null, kpiSource: 'records', day: today,
    steps: { signedOn: a.signedOn, plaqueOn: a.plaqueOn, inspectionPassedOn: a.inspectionPassedOn }, resubmission: null,
  });
}

/** An evaluation's review context: its frozen snapshot against the policy of its agreement year, instructors as of the snapshot's day. */
export async function evaluationReviewContext(db: Executor, scope: Scope, id: number): Promise<ReviewContextRecord> {
  const [e] = await db.select({ evaluation: evaluations, agreement: agreements }).from(evaluations)
    .innerJoin(agreements, eq(agreements.id, evaluations.agreementId))
    .where(and(eq(evaluations.id, id), schoolScopeCondition(scope, evaluations.schoolId)));
  if (!e) throw notFound('evaluation');
  // An evaluation opened in the product froze the year's compliance record; one recorded as decided outside it (an
  // imported partnership's earlier years) has no record, so its year is the agreement's calendar year and it has no KPIs.
  const snapshot = e.evaluation.snapshot as Partial<ComplianceRecord>;
  const period = snapshot.from && snapshot.to ? { from: snapshot.from, to: snapshot.to } : agreementYear(e.agreement.startDate ?? todayInChina(), e.evaluation.year);
  const policyYear = yearOf(period.from);
  const policy = await policyInForce(db, e.agreement.tier as Tier, policyYear);
  const day = snapshot.asOf ?? lastDay(period.to);
  return context(db, {
    kind: 'evaluation', id, schoolId: e.evaluation.schoolId, tier: e.agreement.tier as Tier, policy, policyYear, agreementYear: e.evaluation.year,
    plan: await planOf(db, e.agreement.applicationId), kpis: snapshot.kpis ?? null, kpiSource: 'snapshot', day,
    steps: { signedOn: e.agreement.signedOn, plaqueOn: e.agreement.plaqueOn, inspectionPassedOn: e.agreement.inspectionPassedOn }, resubmission: null,
  });
}

