import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { queryRows } from '../../db/raw.js';
import { kpiNames, todayInChina, type KpiName, type ProgrammeReport, type Scope } from '@campus/common';
import { schoolScopeCondition } from '../access/scope-filter.js';

/**
 * HQ's annual programme report (issue 18 item 7) for one calendar year, in the user's scope: every table is one
 * statement over all the schools in scope (never a statement per school), grouped by region and tier.
 *
 * Which year a thing belongs to:
 * - an agreement year belongs to the calendar year it begins in, as everywhere else (the tier policy in force for an
 *   agreement year is the one of the year its `from` falls in: tier-policies/policy-in-force.ts, kpi-values-sql.ts).
 *   The compliance, job-platform and agreement tables read the compliance summaries of those agreement years as they
 *   are stored (compliant, failing KPIs, certified students, job-platform rate): the report's figures are the
 *   summaries' own, never recomputed. A year still running is measured as of today, as its summary is;
 * - a dated event belongs to the year of its China date: a certificate's issue date, a session's exam date, a
 *   decision's audit event (rectify, close_rectification, renew, upgrade, terminate, not_renew on the agreement).
 *
 * The tier of a certificate or a candidate is the tier of the school's agreement in force on that day (started on or
 * before it and not ended before it), `none` if it had none; the region is the school's.
 */
export async function programmeReport(db: Executor, scope: Scope, year: number): Promise<ProgrammeReport> {
  const from = `${year}-01-01`;
  const to = `${year + 1}-01-01`;
  const inScope = (column: SQL) => schoolScopeCondition(scope, column) ?? sql`true`;
  const regionWhere = scope.kind === 'all' ? sql`true`
    : scope.kind === 'regions' && scope.regionIds.length ? sql`r.id IN (${sql.join(scope.regionIds.map((id) => sql`${id}`), sql`, `)})` : sql`false`;
  const json = async <T>(query: SQL): Promise<T> => JSON.parse((await queryRows<{ j: string }>(db, query))[0].j) as T;
  const agg = (select: SQL, order: SQL) => sql`SELECT coalesce(json_agg(x ORDER BY ${order}), '[]'::json)::text AS j FROM (${select}) x`;
  // The compliance summaries of the agreement years that begin in the year.
  const yearRows = sql`compliance_summaries cs WHERE cs.from_date >= ${from}::date AND cs.from_date < ${to}::date AND ${inScope(sql`cs.school_id`)}`;
  const tierOn = (schoolId: SQL, day: SQL) => sql`coalesce((
    SELECT a.tier FROM agreements a
    WHERE a.school_id = ${schoolId} AND a.start_date IS NOT NULL AND a.start_date <= ${day} AND (a.ended_on IS NULL OR a.ended_on >= ${day})
    ORDER BY a.start_date DESC, a.id DESC LIMIT 1), 'none')`;

  const regions = await json<ProgrammeReport['regions']>(agg(
    sql`SELECT r.id, r.code, r.name_zh AS "nameZh", r.name_en AS "nameEn", r.sort_order FROM regions r WHERE ${regionWhere}`,
    sql`x.sort_order, x.id`,
  ));

  const agreements = await json<ProgrammeReport['agreements']>(agg(sql`
    SELECT s.region_id AS "regionId", a.tier, a.status, count(*)::int AS agreements, count(DISTINCT a.school_id)::int AS schools
    FROM agreements a JOIN schools s ON s.id = a.school_id
    WHERE a.id IN (SELECT cs.agreement_id FROM ${yearRows})
    GROUP BY s.region_id, a.tier, a.status`, sql`x."regionId", x.tier, x.status`));

  const failingColumns = sql.join(kpiNames.map((k) => sql`count(*) FILTER (WHERE ${k} = ANY(cs.failing_kpis))::int AS ${sql.identifier(k)}`), sql`, `);
  const compliance = (await json<(Omit<ProgrammeReport['compliance'][number], 'failing' | 'rate'> & Record<KpiName, number>)[]>(agg(sql`
    SELECT cs.region_id AS "regionId", cs.tier, count(*)::int AS rows, (count(*) FILTER (WHERE cs.compliant))::int AS compliant, ${failingColumns}
    FROM ${yearRows}
    GROUP BY cs.region_id, cs.tier`, sql`x."regionId", x.tier`)))
    .map(({ regionId, tier, rows, compliant, ...failing }) => ({
      regionId, tier, rows, compliant, rate: rows ? compliant / rows : null,
      failing: Object.fromEntries(kpiNames.map((k) => [k, failing[k]])) as Record<KpiName, number>,
    }));

  // The active registered among the certified: the summary's rate is active / certified, exactly (summary-rows.ts).
  const jobPlatform = (await json<{ regionId: number; tier: string; certifiedStudents: number; activeRegistered: number }[]>(agg(sql`
    SELECT cs.region_id AS "regionId", cs.tier, coalesce(sum(cs.certified_students), 0)::int AS "certifiedStudents",
           coalesce(sum(round(coalesce(cs.job_platform_rate, 0) * cs.certified_students)), 0)::int AS "activeRegistered"
    FROM ${yearRows}
    GROUP BY cs.region_id, cs.tier`, sql`x."regionId", x.tier`)))
    .map((r) => ({ ...r, rate: r.certifiedStudents ? r.activeRegistered / r.certifiedStudents : null })) as ProgrammeReport['jobPlatform'];

  const certificates = await json<ProgrammeReport['certificates']>(agg(sql`
    SELECT region_id AS "regionId", tier,
           (count(*) FILTER (WHERE grp = '1x' AND status = 'verified'))::int AS "verified1x",
           (count(*) FILTER (WHERE grp = '1x' AND status = 'claimed'))::int AS "claimed1x",
           (count(*) FILTER (WHERE grp = 'operator' AND status = 'verified'))::int AS "verifiedOperator",
           (count(*) FILTER (WHERE grp = 'operator' AND status = 'claimed'))::int AS "claimedOperator"
    FROM (
      SELECT s.region_id, c.status, CASE WHEN c.kind = 'operator' THEN 'operator' ELSE '1x' END AS grp, ${tierOn(sql`c.school_id`, sql`c.issued_on`)} AS tier
      FROM certificates c JOIN schools s ON s.id = c.school_id
      WHERE c.issued_on >= ${from}::date AND c.issued_on < ${to}::date AND (c.kind = 'operator' OR c.kind LIKE '1x\\_%')
        AND ${inScope(sql`c.school_id`)}
    ) c
    GROUP BY region_id, tier`, sql`x."regionId", x.tier`));

  const tally = sql`count(*)::int AS candidates,
    (count(*) FILTER (WHERE ec.result IN ('passed', 'failed')))::int AS sat,
    (count(*) FILTER (WHERE ec.result = 'passed'))::int AS passed,
    (count(*) FILTER (WHERE ec.result = 'absent'))::int AS absent`;
  const withRate = <T extends { sat: number; passed: number }>(rows: T[]) => rows.map((r) => ({ ...r, passRate: r.sat ? r.passed / r.sat : null }));
  // HQ sees every session of the year; regional staff the sessions their schools had candidates in.
  const sessions = withRate(await json<Omit<ProgrammeReport['sessions'][number], 'passRate'>[]>(agg(sql`
    SELECT es.id, es.title, es.kind, es.session_type AS "sessionType", to_char(es.exam_on, 'YYYY-MM-DD') AS "examOn", es.status,
           count(ec.id)::int AS candidates,
           (count(ec.id) FILTER (WHERE ec.result IN ('passed', 'failed')))::int AS sat,
           (count(ec.id) FILTER (WHERE ec.result = 'passed'))::int AS passed,
           (count(ec.id) FILTER (WHERE ec.result = 'absent'))::int AS absent
    FROM exam_sessions es
    LEFT JOIN exam_candidates ec ON ec.session_id = es.id AND ${inScope(sql`ec.school_id`)}
    WHERE es.exam_on >= ${from}::date AND es.exam_on < ${to}::date AND es.status <> 'cancelled'
    GROUP BY es.id
    HAVING ${scope.kind === 'all' ? sql`true` : sql`count(ec.id) > 0`}`, sql`x."examOn", x.id`)));

  const candidates = withRate(await json<Omit<ProgrammeReport['candidates'][number], 'passRate'>[]>(agg(sql`
    SELECT region_id AS "regionId", tier, ${tally}
    FROM (
      SELECT s.region_id, ec.result, ${tierOn(sql`ec.school_id`, sql`es.exam_on`)} AS tier
      FROM exam_candidates ec JOIN exam_sessions es ON es.id = ec.session_id JOIN schools s ON s.id = ec.school_id
      WHERE es.exam_on >= ${from}::date AND es.exam_on < ${to}::date AND es.status <> 'cancelled' AND ${inScope(sql`ec.school_id`)}
    ) ec
    GROUP BY region_id, tier`, sql`x."regionId", x.tier`)));

  const decisions = await json<ProgrammeReport['decisions']>(agg(sql`
    SELECT s.region_id AS "regionId", a.tier,
           (count(*) FILTER (WHERE ae.action = 'rectify'))::int AS "rectificationsOpened",
           (count(*) FILTER (WHERE ae.action = 'close_rectification' OR (ae.action = 'terminate' AND ae.from_state = 'rectifying')))::int AS "rectificationsClosed",
           (count(*) FILTER (WHERE ae.action = 'renew'))::int AS renewals,
           (count(*) FILTER (WHERE ae.action = 'upgrade'))::int AS upgrades,
           (count(*) FILTER (WHERE ae.action = 'terminate'))::int AS terminations,
           (count(*) FILTER (WHERE ae.action = 'not_renew'))::int AS "nonRenewals"
    FROM audit_events ae JOIN agreements a ON a.id = ae.entity_id JOIN schools s ON s.id = a.school_id
    WHERE ae.entity_type = 'agreement' AND ae.action IN ('rectify', 'close_rectification', 'renew', 'upgrade', 'terminate', 'not_renew')
      AND ae.at >= (${from}::date)::timestamp AT TIME ZONE 'Asia/Shanghai' AND ae.at < (${to}::date)::timestamp AT TIME ZONE 'Asia/Shanghai'
      AND ${inScope(sql`a.school_id`)}
    GROUP BY s.region_id, a.tier`, sql`x."regionId", x.tier`));

  return {
    year, from, to, asOf: todayInChina(), regions: regions.map(({ id, code, nameZh, nameEn }) => ({ id, code, nameZh, nameEn })),
    agreements, compliance, certificates, sessions, candidates, jobPlatform, decisions,
  };
}
