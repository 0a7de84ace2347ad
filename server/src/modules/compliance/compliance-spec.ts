import { z } from 'zod';
import { eq, inArray, sql } from 'drizzle-orm';
import { complianceSummaries, schools, tiers } from '../../db/schema/index.js';
import { filterDef, type ResourceSpec } from '../resource/resource-spec.js';
import { asList, idValue, oneOrMany } from '../../lib/filters.js';
import { kpiNames, type KpiName } from '@campus/common';
import type { StoredComplianceRecord } from './compliance-record.js';
import { complianceRecordSchema } from '@campus/common/api-schemas';

export { toComplianceRecord } from './compliance-record.js';

const cs = complianceSummaries;
const kpiColumns = Object.fromEntries(kpiNames.map((k) => [k, cs[k]])) as Record<KpiName, (typeof cs)[KpiName]>;

export const complianceIdPattern = /^\d{1,9}-\d{1,2}$/;

export const complianceSpec: ResourceSpec = {
  name: 'compliance',
  noun: 'compliance row',
  record: complianceRecordSchema,
  table: cs,
  id: cs.id,
  schoolId: cs.schoolId,
  idsSchema: z.union([z.string().regex(complianceIdPattern), z.array(z.string().regex(complianceIdPattern, 'ids look like 12-2')).max(1000)])
    .transform((v) => (Array.isArray(v) ? v : [v])),
  // The record is built with the summary row (compliance-record.ts); a read adds the school's name.
  // The verified counts are read from their columns too: a record stored before they were kept (issue 18) has them
  // from its row until the day's refresh writes it again.
  columns: {
    record: cs.record, schoolName: sql<string>`${schools.name}`.as('school_name'),
    certificates1xVerified: cs.certificates1xVerified, certificatesOperatorVerified: cs.certificatesOperatorVerified,
  },
  serialize: (r) => ({
    ...(r.record as StoredComplianceRecord), schoolName: r.schoolName as string,
    certificates1xVerified: r.certificates1xVerified as number, certificatesOperatorVerified: r.certificatesOperatorVerified as number,
  }),
  json: sql`(${cs.record} || jsonb_build_object('schoolName', ${schools.name}, 'certificates1xVerified', ${cs.certificates1xVerified}, 'certificatesOperatorVerified', ${cs.certificatesOperatorVerified}))::text`,
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
};
