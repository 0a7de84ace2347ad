import { z } from 'zod';
import { eq, inArray, sql } from 'drizzle-orm';
import { complianceSummaries, schools, tiers } from '../../db/schema/index.js';
import { filterDef, type ResourceSpec } from '../resource/resource-spec.js';
import { asList, idValue, oneOrMany } from '../../lib/filters.js';
import { kpiNames, type KpiName, type KpiThresholds, type KpiValues } from '../../domain/kpi/kpi-names.js';
import { projectYearEnd } from '../../domain/kpi/projection.js';

const cs = complianceSummaries;
const kpiColumns = Object.fromEntries(kpiNames.map((k) => [k, cs[k]])) as Record<KpiName, (typeof cs)[KpiName]>;

export const complianceIdPattern = /^\d{1,9}-\d{1,2}$/;

/** A summary row as API.md's `compliance` record, with the year-end projection of a current year. */
export function toComplianceRecord(r: Record<string, unknown>) {
  const verdicts = r.verdicts as Record<KpiName, { threshold: number | null; met: boolean | null }>;
  const values = Object.fromEntries(kpiNames.map((k) => [k, r[k] as number | null])) as KpiValues;
  const thresholds = Object.fromEntries(kpiNames.map((k) => [k, verdicts[k]?.threshold ?? null])) as KpiThresholds;
  const projection = r.isCurrent ? projectYearEnd(values, thresholds, { from: r.fromDate as string, to: r.toDate as string, asOf: r.asOf as string }) : undefined;
  const kpis = Object.fromEntries(kpiNames.map((k) => [k, {
    value: values[k], threshold: thresholds[k], met: verdicts[k]?.met ?? null,
    ...(projection?.status === 'projected' ? { projected: projection.values[k], projectedMet: projection.met[k] } : {}),
  }]));
  return {
    id: r.id, schoolId: r.schoolId, schoolName: r.schoolName, regionId: r.regionId, agreementId: r.agreementId,
    tier: r.tier, year: r.year, from: r.fromDate, to: r.toDate, asOf: r.asOf, current: r.isCurrent,
    compliant: r.compliant, failingKpis: r.failingKpis, kpis,
    projection: projection ? { status: projection.status, daysElapsed: projection.daysElapsed, ...(projection.status === 'projected' ? { compliant: projection.compliant } : {}) } : null,
    enrolledStudents: r.enrolledStudents, graduates: r.graduates, certifiedStudents: r.certifiedStudents,
    computedFor: r.computedFor,
  };
}

export const complianceSpec: ResourceSpec = {
  name: 'compliance',
  noun: 'compliance row',
  table: cs,
  id: cs.id,
  schoolId: cs.schoolId,
  idsSchema: z.union([z.string().regex(complianceIdPattern), z.array(z.string().regex(complianceIdPattern, 'ids look like 12-2')).max(1000)])
    .transform((v) => (Array.isArray(v) ? v : [v])),
  columns: {
    id: cs.id, agreementId: cs.agreementId, year: cs.year, schoolId: cs.schoolId, regionId: cs.regionId, tier: cs.tier,
    fromDate: cs.fromDate, toDate: cs.toDate, asOf: cs.asOf, isCurrent: cs.isCurrent, ...kpiColumns,
    enrolledStudents: cs.enrolledStudents, graduates: cs.graduates, certifiedStudents: cs.certifiedStudents,
    verdicts: cs.verdicts, compliant: cs.compliant, failingKpis: cs.failingKpis, computedFor: cs.computedFor,
    schoolName: sql<string>`${schools.name}`.as('school_name'),
  },
  join: (q) => q.innerJoin(schools, eq(schools.id, cs.schoolId)),
  sortable: {
    id: cs.id, year: cs.year, tier: cs.tier, regionId: cs.regionId, compliant: cs.compliant, schoolName: schools.name,
    from: cs.fromDate, failingCount: sql`cardinality(${cs.failingKpis})`,
    ...kpiColumns, ...Object.fromEntries(kpiNames.map((k) => [`kpis.${k}`, kpiColumns[k]])),
  },
  defaultSort: ['schoolName', 'ASC'],
  search: [schools.name],
  filters: {
    current: filterDef(z.boolean(), (v) => eq(cs.isCurrent, v)),
    compliant: filterDef(z.boolean(), (v) => eq(cs.compliant, v)),
    regionId: filterDef(oneOrMany(idValue), (v) => inArray(cs.regionId, asList(v))),
    tier: filterDef(oneOrMany(z.enum(tiers)), (v) => inArray(cs.tier, asList(v))),
    year: filterDef(oneOrMany(z.coerce.number().int().min(1).max(20)), (v) => inArray(cs.year, asList(v))),
    schoolId: filterDef(oneOrMany(idValue), (v) => inArray(cs.schoolId, asList(v))),
    agreementId: filterDef(idValue, (v) => eq(cs.agreementId, v)),
    failingKpi: filterDef(oneOrMany(z.enum(kpiNames)), (v) => sql`${cs.failingKpis} && ARRAY[${sql.join(asList(v).map((k) => sql`${k}`), sql`, `)}]::text[]`),
  },
  serialize: toComplianceRecord,
};
