import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { complianceSummaries as cs, schools } from '../../db/schema/index.js';
import { queryRows } from '../../db/raw.js';
import type { ComplianceRecord, Scope, Tier } from '@campus/common';
import { kpiNames, tiers } from '@campus/common';
import { schoolScopeCondition } from '../access/scope-filter.js';

export interface StatsFilter { regionId?: number[]; tier?: string[] }

interface Tally { schools: number; compliant: number }

/** How many schools the at-risk list names (the most failing KPIs first); atRiskCount counts them all. */
export const AT_RISK_SHOWN = 50;

/**
 * The dashboard's numbers for the current agreement years in scope, in one statement and one pass
 * (issue 15 item 3): the current rows' narrow columns (region, tier, compliant, failing KPIs: the
 * covering index compliance_dashboard_idx, migration 0020, so the ~1 kB `record` of each row is not
 * read) are read once into a CTE, which gives the region × tier table (schools per tier, the totals
 * and the at-risk count are its sums), the failing KPIs by count, and the at-risk schools: failing
 * now, most failing KPIs first, whose records (with whether the projection says they recover) are
 * read for those 50 rows only. Before: five statements, each scanning compliance_summaries.
 */
export async function dashboardStats(db: Executor, scope: Scope, filter: StatsFilter) {
  const where = and(
    eq(cs.isCurrent, true),
    schoolScopeCondition(scope, cs.schoolId),
    filter.regionId?.length ? inArray(cs.regionId, filter.regionId) : undefined,
    filter.tier?.length ? inArray(cs.tier, filter.tier) : undefined,
  ) as SQL;
  const [row] = await queryRows<{ region_tier: string; failing: string; at_risk: string }>(db, sql`
    WITH cur AS MATERIALIZED (
      SELECT ${cs.agreementId} AS agreement_id, ${cs.year} AS year, ${cs.schoolId} AS school_id, ${cs.regionId} AS region_id,
             ${cs.tier} AS tier, ${cs.compliant} AS compliant, ${cs.failingKpis} AS failing_kpis
      FROM ${cs} WHERE ${where}
    ),
    g AS (SELECT region_id, tier, count(*)::int AS schools, (count(*) FILTER (WHERE compliant))::int AS compliant FROM cur GROUP BY region_id, tier),
    f AS (SELECT k AS kpi, count(*)::int AS schools FROM cur, unnest(failing_kpis) AS k GROUP BY k),
    r AS (
      SELECT cur.agreement_id, cur.year, cardinality(cur.failing_kpis) AS failing, s.name
      FROM cur JOIN ${schools} s ON s.id = cur.school_id
      WHERE NOT cur.compliant
      ORDER BY cardinality(cur.failing_kpis) DESC, s.name
      LIMIT ${AT_RISK_SHOWN}
    )
    SELECT
      (SELECT coalesce(json_agg(json_build_object('regionId', region_id, 'tier', tier, 'schools', schools, 'compliant', compliant) ORDER BY region_id, tier), '[]'::json) FROM g)::text AS region_tier,
      (SELECT coalesce(json_agg(json_build_object('kpi', kpi, 'schools', schools)), '[]'::json) FROM f)::text AS failing,
      (SELECT coalesce(json_agg(c.record || jsonb_build_object('schoolName', r.name) ORDER BY r.failing DESC, r.name), '[]'::json)
         FROM r JOIN ${cs} c ON c.agreement_id = r.agreement_id AND c.year = r.year)::text AS at_risk`);
  const regionTier = JSON.parse(row.region_tier) as ({ regionId: number; tier: Tier } & Tally)[];
  const failing = JSON.parse(row.failing) as { kpi: string; schools: number }[];
  const atRisk = JSON.parse(row.at_risk) as ComplianceRecord[];

  const byTier = tiers
    .map((tier) => regionTier.filter((g) => g.tier === tier).reduce((acc, g) => ({ tier, schools: acc.schools + g.schools, compliant: acc.compliant + g.compliant }), { tier, schools: 0, compliant: 0 }))
    .filter((t) => t.schools > 0);
  const totals = byTier.reduce((acc, t) => ({ schools: acc.schools + t.schools, compliant: acc.compliant + t.compliant }), { schools: 0, compliant: 0 });
  const failingByKpi = kpiNames.map((kpi) => ({ kpi, schools: failing.find((f) => f.kpi === kpi)?.schools ?? 0 }));
  // At risk: failing now. A projection only ever raises flows, so a school that passes now is not
  // projected to fail; the records tell which of the failing ones are on course to recover.
  return { totals, byTier, regionTier, failingByKpi, atRisk, atRiskCount: totals.schools - totals.compliant };
}
