import { z } from 'zod';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { agreements, agreementStates, complianceSummaries, schools, tiers } from '../../db/schema/index.js';
import type { AgreementState } from '@campus/common';
import { filterDef, type ResourceSpec } from '../resource/resource-spec.js';
import { asList, idValue, oneOrMany } from '../../lib/filters.js';
import { agreementTransitions } from '@campus/common';
import { allowedActions } from '@campus/common';
import { agreementYear, agreementYearOn, todayInChina } from '@campus/common';
import { agreementRecord } from './agreement-record.js';

/** The term and the agreement year a record is in today (null before it starts). */
export function termOf(startDate: string | null, termYears: number, today = todayInChina()) {
  if (!startDate) return { currentYear: null, endDate: null };
  const endDate = agreementYear(startDate, termYears).to;
  const year = agreementYearOn(startDate, today);
  return { currentYear: Math.min(Math.max(year, 1), termYears), endDate };
}

/**
 * Where a rectification stands: the KPIs it names, met or not in the current agreement year, and
 * whether the product proposes closing it (every named KPI passes now).
 */
export function rectificationStatus(r: Record<string, unknown>, verdicts: Record<string, { met: boolean | null }> | undefined, today: string) {
  const kpis = ((r.rectificationKpis as string[] | null) ?? []).map((kpi) => ({ kpi, met: verdicts ? verdicts[kpi]?.met !== false : null }));
  const deadline = r.rectificationDeadline as string | null;
  return { deadline, overdue: !!deadline && deadline < today, kpis, canClose: !!verdicts && kpis.length > 0 && kpis.every((k) => k.met) };
}

export const agreementSpec: ResourceSpec = {
  name: 'agreements',
  noun: 'agreement',
  record: agreementRecord,
  table: agreements,
  id: agreements.id,
  schoolId: agreements.schoolId,
  columns: {
    id: agreements.id, schoolId: agreements.schoolId, applicationId: agreements.applicationId,
    previousAgreementId: agreements.previousAgreementId, tier: agreements.tier, status: agreements.status,
    version: agreements.version, startDate: agreements.startDate, termYears: agreements.termYears,
    signedOn: agreements.signedOn, plaqueOn: agreements.plaqueOn, plaquePlace: agreements.plaquePlace,
    inspectionPassedOn: agreements.inspectionPassedOn, inspectionFindings: agreements.inspectionFindings,
    rectificationNotice: agreements.rectificationNotice, rectificationDeadline: agreements.rectificationDeadline,
    rectificationKpis: agreements.rectificationKpis, endedOn: agreements.endedOn,
    createdAt: agreements.createdAt, updatedAt: agreements.updatedAt,
    schoolName: sql<string>`${schools.name}`.as('school_name'),
    regionId: sql<number>`${schools.regionId}`.as('region_id'),
  },
  join: (q) => q.innerJoin(schools, eq(schools.id, agreements.schoolId)),
  sortable: {
    id: agreements.id, status: agreements.status, tier: agreements.tier, startDate: agreements.startDate,
    updatedAt: agreements.updatedAt, schoolName: schools.name, rectificationDeadline: agreements.rectificationDeadline,
  },
  defaultSort: ['updatedAt', 'DESC'],
  search: [schools.name],
  filters: {
    status: filterDef(oneOrMany(z.enum(agreementStates)), (v) => inArray(agreements.status, asList(v))),
    tier: filterDef(oneOrMany(z.enum(tiers)), (v) => inArray(agreements.tier, asList(v))),
    schoolId: filterDef(idValue, (v) => eq(agreements.schoolId, v)),
    regionId: filterDef(oneOrMany(idValue), (v) => inArray(schools.regionId, asList(v))),
    /** Rectifications whose deadline has passed without closure. */
    rectificationOverdue: filterDef(z.literal(true), () => sql`${agreements.status} = 'rectifying' AND ${agreements.rectificationDeadline} < ${todayInChina()}::date`),
    /** Rectifications due within N days (or overdue). */
    rectificationDueWithin: filterDef(z.coerce.number().int().min(0).max(365), (v) => sql`${agreements.status} = 'rectifying' AND ${agreements.rectificationDeadline} <= (${todayInChina()}::date + ${v}::int)`),
  },
  enrich: async (rows, actor, db) => {
    const today = todayInChina();
    const rectifying = rows.filter((r) => r.status === 'rectifying').map((r) => r.id as number);
    const current = rectifying.length
      ? await db.select({ agreementId: complianceSummaries.agreementId, verdicts: complianceSummaries.verdicts }).from(complianceSummaries)
        .where(and(inArray(complianceSummaries.agreementId, rectifying), eq(complianceSummaries.isCurrent, true)))
      : [];
    const verdictsOf = new Map(current.map((c) => [c.agreementId, c.verdicts as Record<string, { met: boolean | null }>]));
    return rows.map((r) => ({
      ...r,
      ...termOf(r.startDate as string | null, r.termYears as number, today),
      allowedActions: allowedActions(agreementTransitions, r.status as AgreementState, actor.role),
      rectification: r.status === 'rectifying' ? rectificationStatus(r, verdictsOf.get(r.id as number), today) : null,
    }));
  },
};
