import { and, asc, desc, eq, getTableColumns, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { complianceSummaries as cs, schools } from '../../db/schema/index.js';
import { queryRows } from '../../db/raw.js';
import type { Scope } from '@campus/common';
import { kpiNames } from '@campus/common';
import { schoolScopeCondition } from '../access/scope-filter.js';
import { toComplianceRecord } from './compliance-spec.js';

export interface StatsFilter { regionId?: number[]; tier?: string[] }

/**
 * The dashboard's numbers for the current agreement years in scope, aggregated in SQL: schools per
 * tier and how many comply, failing KPIs by count, the region × tier table, and the schools at risk
 * (failing now, with whether the projection says they recover).
 */
export async function dashboardStats(db: Db, scope: Scope, filter: StatsFilter) {
  const where = and(
    eq(cs.isCurrent, true),
    schoolScopeCondition(scope, cs.schoolId),
    filter.regionId?.length ? inArray(cs.regionId, filter.regionId) : undefined,
    filter.tier?.length ? inArray(cs.tier, filter.tier) : undefined,
  ) as SQL;
  const [byTier, regionTier, failing] = await Promise.all([
    db.select({ tier: cs.tier, schools: sql<number>`count(*)`.mapWith(Number), compliant: sql<number>`count(*) FILTER (WHERE ${cs.compliant})`.mapWith(Number) })
      .from(cs).where(where).groupBy(cs.tier),
    db.select({ regionId: cs.regionId, tier: cs.tier, schools: sql<number>`count(*)`.mapWith(Number), compliant: sql<number>`count(*) FILTER (WHERE ${cs.compliant})`.mapWith(Number) })
      .from(cs).where(where).groupBy(cs.regionId, cs.tier),
    queryRows<{ kpi: string; n: number }>(db, sql`SELECT k AS kpi, count(*)::int AS n FROM ${cs}, unnest(${cs.failingKpis}) AS k WHERE ${where} GROUP BY k`),
  ]);
  const failingByKpi = kpiNames.map((kpi) => ({ kpi, schools: Number(failing.find((f) => f.kpi === kpi)?.n ?? 0) }));

  // At risk: failing now. A projection only ever raises flows, so a school that passes now is not
  // projected to fail; the projection tells which of the failing ones are on course to recover.
  const failingRows = await db.select({ ...getTableColumns(cs), schoolName: schools.name })
    .from(cs).innerJoin(schools, eq(schools.id, cs.schoolId))
    .where(and(where, eq(cs.compliant, false)))
    .orderBy(desc(sql`cardinality(${cs.failingKpis})`), asc(schools.name)).limit(50);
  const atRisk = failingRows.map((r) => toComplianceRecord(r as unknown as Record<string, unknown>));
  const [{ n: atRiskCount }] = await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(cs).where(and(where, eq(cs.compliant, false)));
  const totals = byTier.reduce((acc, t) => ({ schools: acc.schools + t.schools, compliant: acc.compliant + t.compliant }), { schools: 0, compliant: 0 });
  return { totals, byTier, regionTier, failingByKpi, atRisk, atRiskCount };
}
