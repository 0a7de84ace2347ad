import { z } from 'zod';
import { asc, eq, inArray, sql } from 'drizzle-orm';
import { applicationPlanItems, applications, applicationStates, schools, tiers } from '../../db/schema/index.js';
import { awaitingReviewApplicationStates, type ApplicationState } from '@campus/common';
import { filterDef, type ResourceSpec } from '../resource/resource-spec.js';
import { asList, idValue, oneOrMany } from '../../lib/filters.js';
import { applicationTransitions, editableApplicationStates, type ApplicationContext } from '@campus/common';
import { allowedActions } from '@campus/common';
import type { Actor } from '@campus/common';
import { applicationRecord } from './application-record.js';
import { activeStaffByRegion } from './region-staff.js';
import { returnActions, reviewEvents } from '../review-context/school-history.js';

/** Days an application has waited in its current review state. */
const waitingDays = sql<number | null>`CASE WHEN ${inArray(applications.status, [...awaitingReviewApplicationStates])} THEN (current_date - (${applications.updatedAt} AT TIME ZONE 'Asia/Shanghai')::date) END`;

/** The review queue of each role: what waits for them to act. */
const queueStates: Record<string, ApplicationState[]> = {
  hq: ['pending_hq'], regional: ['pending_regional'], school: ['draft', 'returned'], provider: [],
};

/**
 * The actions the actor may take on an application now. The context is the record's surroundings, not
 * an action's input: the school's region and its active regional staff (HQ takes the regional step
 * of a region without staff).
 */
export function applicationActionsFor(row: { status: string; regionId?: unknown }, actor: Actor, staff?: Map<number, number>): string[] {
  const regionId = typeof row.regionId === 'number' ? row.regionId : undefined;
  const region = regionId !== undefined && staff ? { id: regionId, activeStaff: staff.get(regionId) ?? 0 } : undefined;
  const ctx = { tier: 'partner_school', plan: {}, pledge: false, planItems: [], input: {}, region } satisfies ApplicationContext;
  return allowedActions(applicationTransitions, row.status as ApplicationState, actor.role, ctx);
}

export const applicationSpec: ResourceSpec = {
  name: 'applications',
  noun: 'application',
  record: applicationRecord,
  table: applications,
  id: applications.id,
  schoolId: applications.schoolId,
  columns: {
    id: applications.id, schoolId: applications.schoolId, tier: applications.tier, status: applications.status,
    version: applications.version, plan: applications.plan, pledge: applications.pledge,
    reviewComments: applications.reviewComments, upgradeFromAgreementId: applications.upgradeFromAgreementId,
    submittedAt: applications.submittedAt, decidedAt: applications.decidedAt, createdAt: applications.createdAt,
    updatedAt: applications.updatedAt,
    schoolName: sql<string>`${schools.name}`.as('school_name'),
    regionId: sql<number>`${schools.regionId}`.as('region_id'),
    waitingDays: waitingDays.as('waiting_days'),
  },
  join: (q) => q.innerJoin(schools, eq(schools.id, applications.schoolId)),
  sortable: {
    id: applications.id, status: applications.status, tier: applications.tier, submittedAt: applications.submittedAt,
    updatedAt: applications.updatedAt, createdAt: applications.createdAt, schoolName: schools.name, waitingDays,
  },
  defaultSort: ['updatedAt', 'DESC'],
  search: [schools.name],
  filters: {
    status: filterDef(oneOrMany(z.enum(applicationStates)), (v) => inArray(applications.status, asList(v))),
    tier: filterDef(oneOrMany(z.enum(tiers)), (v) => inArray(applications.tier, asList(v))),
    schoolId: filterDef(idValue, (v) => eq(applications.schoolId, v)),
    regionId: filterDef(oneOrMany(idValue), (v) => inArray(schools.regionId, asList(v))),
    minWaitingDays: filterDef(z.coerce.number().int().min(0).max(10_000), (v) => sql`${waitingDays} >= ${v}`),
    queue: filterDef(z.literal(true), (_v, scope) => {
      const role = scope.kind === 'all' ? 'hq' : scope.kind === 'regions' ? 'regional' : scope.kind;
      const states = queueStates[role] ?? [];
      return states.length ? inArray(applications.status, states) : sql`false`;
    }),
  },
  enrich: async (rows, actor, db) => {
    // HQ's regional actions depend on the region's staff: counted once for the page, only when HQ could take them
    const waiting = actor.role === 'hq' ? rows.filter((r) => r.status === 'pending_regional').map((r) => r.regionId as number) : [];
    const staff = await activeStaffByRegion(db, waiting);
    // A resubmission (issue 17): an application under review that a reviewer returned before; the queue marks it.
    const inReview = rows.filter((r) => (awaitingReviewApplicationStates as readonly string[]).includes(r.status as string)).map((r) => r.id as number);
    const returned = new Set((await reviewEvents(db, inReview, returnActions)).map((e) => e.entityId));
    return rows.map((r) => ({
      resubmitted: returned.has(r.id as number),
      ...r,
      allowedActions: applicationActionsFor(r as { status: string; regionId?: unknown }, actor, staff),
      editable: actor.role === 'school' && editableApplicationStates.includes(r.status as ApplicationState),
    }));
  },
  detail: async (row, _actor, db) => {
    const planItems = await db.select().from(applicationPlanItems)
      .where(eq(applicationPlanItems.applicationId, row.id as number))
      .orderBy(asc(applicationPlanItems.position), asc(applicationPlanItems.id));
    return { ...row, planItems };
  },
};
