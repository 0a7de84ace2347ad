import { z } from 'zod';
import { eq, inArray, sql } from 'drizzle-orm';
import { agreements, agreementStates, schools, tiers } from '../../db/schema/index.js';
import type { AgreementState } from '../../db/schema/enums.js';
import { filterDef, type ResourceSpec } from '../resource/resource-spec.js';
import { asList, idValue, oneOrMany } from '../../lib/filters.js';
import { agreementTransitions } from '../../domain/workflow/agreement-transitions.js';
import { allowedActions } from '../../domain/workflow/types.js';
import { agreementYear, agreementYearOn, todayInChina } from '../../domain/calendar/agreement-year.js';

/** The term and the agreement year a record is in today (null before it starts). */
export function termOf(startDate: string | null, termYears: number, today = todayInChina()) {
  if (!startDate) return { currentYear: null, endDate: null };
  const endDate = agreementYear(startDate, termYears).to;
  const year = agreementYearOn(startDate, today);
  return { currentYear: Math.min(Math.max(year, 1), termYears), endDate };
}

export const agreementSpec: ResourceSpec = {
  name: 'agreements',
  noun: 'agreement',
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
  },
  enrich: (rows, actor) => {
    const today = todayInChina();
    return rows.map((r) => ({
      ...r,
      ...termOf(r.startDate as string | null, r.termYears as number, today),
      allowedActions: allowedActions(agreementTransitions, r.status as AgreementState, actor.role),
    }));
  },
};
