import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import {
  agreements, applications, auditEvents, complianceSummaries, evaluations, instructorCertifications, instructors, schools, users,
} from '../../db/schema/index.js';
import type { ReviewComment, SchoolHistory, Tier } from '@campus/common';

/** The review actions whose comments a school's history shows. */
export const reviewActions = ['regional_approve', 'regional_reject', 'regional_return', 'hq_approve', 'hq_reject', 'hq_return'] as const;
export const returnActions = ['regional_return', 'hq_return'] as const;

type AuditRow = { entityId: number; action: string; at: Date | string; actorName: string | null; comment: string | null; data: unknown };

/** The review events of these applications, oldest first, with the actor's name. */
export async function reviewEvents(db: Executor, applicationIds: number[], actions: readonly string[] = reviewActions): Promise<AuditRow[]> {
  if (!applicationIds.length) return [];
  return db.select({
    entityId: auditEvents.entityId, action: auditEvents.action, at: auditEvents.at, comment: auditEvents.comment, data: auditEvents.data,
    actorName: sql<string | null>`${users.name}`,
  }).from(auditEvents).leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(and(eq(auditEvents.entityType, 'application'), inArray(auditEvents.entityId, applicationIds), inArray(auditEvents.action, [...actions])))
    .orderBy(asc(auditEvents.at), asc(auditEvents.id));
}

const iso = (at: Date | string | null) => (at == null ? null : at instanceof Date ? at.toISOString() : String(at));

export function toReviewComment(e: AuditRow): ReviewComment {
  const fieldComments = ((e.data as { fieldComments?: Record<string, string> } | null)?.fieldComments) ?? {};
  return { action: e.action, at: iso(e.at)!, actorName: e.actorName, comment: e.comment, fieldComments };
}

/** The instructors of a school with their 1+X certifications, and whether one is valid on `day`. */
export async function instructorsWithCertifications(db: Executor, schoolId: number, day: string) {
  const people = await db.select({ id: instructors.id, name: instructors.name }).from(instructors)
    .where(eq(instructors.schoolId, schoolId)).orderBy(asc(instructors.name), asc(instructors.id));
  const certs = people.length
    ? await db.select().from(instructorCertifications).where(eq(instructorCertifications.schoolId, schoolId)).orderBy(desc(instructorCertifications.validTo))
    : [];
  return people.map((p) => {
    const own = certs.filter((c) => c.instructorId === p.id);
    return {
      id: p.id, name: p.name,
      validToday: own.some((c) => c.validFrom <= day && c.validTo >= day),
      certifications: own.map((c) => ({ certNo: c.certNo, level: c.level, validFrom: c.validFrom, validTo: c.validTo })),
    };
  });
}

/**
 * The school's history a reviewer may want beside the decision: its agreements and their
 * evaluations, compliance by year, instructors with certification dates, and its applications with
 * the reviewers' comments. The caller has already found the subject through the actor's scope.
 */
export async function schoolHistory(db: Executor, schoolId: number, today: string): Promise<SchoolHistory> {
  const [school] = await db.select({ id: schools.id, name: schools.name, regionId: schools.regionId, tier: schools.tier, status: schools.status })
    .from(schools).where(eq(schools.id, schoolId));
  const agreementRows = await db.select().from(agreements).where(eq(agreements.schoolId, schoolId)).orderBy(desc(agreements.createdAt), desc(agreements.id));
  const evaluationRows = await db.select().from(evaluations).where(eq(evaluations.schoolId, schoolId)).orderBy(asc(evaluations.year));
  const compliance = await db.select({
    agreementId: complianceSummaries.agreementId, year: complianceSummaries.year, from: complianceSummaries.fromDate, to: complianceSummaries.toDate,
    current: complianceSummaries.isCurrent, compliant: complianceSummaries.compliant, failingKpis: complianceSummaries.failingKpis,
  }).from(complianceSummaries).where(eq(complianceSummaries.schoolId, schoolId)).orderBy(desc(complianceSummaries.fromDate));
  const appRows = await db.select({
    id: applications.id, tier: applications.tier, status: applications.status, submittedAt: applications.submittedAt, decidedAt: applications.decidedAt,
  }).from(applications).where(eq(applications.schoolId, schoolId)).orderBy(desc(applications.createdAt), desc(applications.id));
  const events = await reviewEvents(db, appRows.map((a) => a.id));
  return {
    school: { ...school, tier: school.tier as Tier | null },
    agreements: agreementRows.map((a) => ({
      id: a.id, tier: a.tier as Tier, status: a.status, startDate: a.startDate, termYears: a.termYears, endedOn: a.endedOn,
      evaluations: evaluationRows.filter((e) => e.agreementId === a.id).map((e) => ({
        id: e.id, year: e.year, status: e.status, decision: e.decision, reason: e.reason, decidedAt: iso(e.decidedAt),
      })),
    })),
    compliance,
    instructors: await instructorsWithCertifications(db, schoolId, today),
    applications: appRows.map((a) => ({
      id: a.id, tier: a.tier as Tier, status: a.status, submittedAt: iso(a.submittedAt), decidedAt: iso(a.decidedAt),
      reviews: events.filter((e) => e.entityId === a.id).map(toReviewComment),
    })),
  };
}
