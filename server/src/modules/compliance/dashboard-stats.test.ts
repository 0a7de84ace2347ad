import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { createTestApp, type TestContext } from '../../../test/test-app.js';
import * as schema from '../../db/schema/index.js';
import { agreements } from '../../db/schema/index.js';
import type { Db } from '../../db/client.js';
import { queryRows } from '../../db/raw.js';
import { kpiNames, type Scope } from '@campus/common';
import { dashboardStats } from './dashboard-stats.js';
import { daysAgo } from '../../../test/days.js';

/**
 * The HQ dashboard's summary (issue 15 item 3): one statement, one pass over the current years'
 * narrow columns (an index-only scan of compliance_dashboard_idx, not the rows with their record),
 * with the same numbers as counting each part on its own.
 */
let t: TestContext;
let statements: string[] = [];
let params: unknown[][] = [];
let logged: Db;

beforeAll(async () => {
  t = await createTestApp();
  const { eastA, southA, eastB } = t.fixture.schools;
  await t.database.db.insert(agreements).values([
    { schoolId: eastA.id, tier: 'talent_base', status: 'active', startDate: daysAgo(500), termYears: 3 },
    { schoolId: southA.id, tier: 'talent_base', status: 'active', startDate: daysAgo(120), termYears: 3 },
    { schoolId: eastB.id, tier: 'pilot_1x', status: 'active', startDate: daysAgo(30), termYears: 1 },
  ]);
  // The summaries are built by the first compliance read.
  await (await t.as('hq@test.cn')).get('/api/compliance');
  const logger = { logQuery: (q: string, p: unknown[]) => { statements.push(q); params.push(p); } };
  logged = (t.database.pglite
    ? drizzlePglite(t.database.pglite, { schema, casing: 'snake_case', logger })
    : drizzlePostgres(t.database.sql!, { schema, casing: 'snake_case', logger })) as unknown as Db;
});
afterAll(async () => { await t?.close(); });

/** The numbers counted one by one, as the five statements before did. */
async function counted(where: string) {
  const db = t.database.db;
  const rows = await queryRows<{ region_id: number; tier: string; compliant: boolean; failing_kpis: string[]; agreement_id: number; year: number; name: string }>(db,
    sql.raw(`SELECT cs.region_id, cs.tier, cs.compliant, cs.failing_kpis, cs.agreement_id, cs.year, s.name FROM compliance_summaries cs JOIN schools s ON s.id = cs.school_id WHERE cs.is_current ${where}`));
  const schools = rows.length;
  const compliant = rows.filter((r) => r.compliant).length;
  const failingByKpi = kpiNames.map((kpi) => ({ kpi, schools: rows.filter((r) => r.failing_kpis.includes(kpi)).length }));
  const atRisk = rows.filter((r) => !r.compliant)
    .sort((a, b) => b.failing_kpis.length - a.failing_kpis.length || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((r) => `${r.agreement_id}-${r.year}`);
  return { totals: { schools, compliant }, failingByKpi, atRisk, atRiskCount: schools - compliant };
}

describe('the dashboard summary', () => {
  it('is one statement with the numbers of counting each part apart, for HQ and a region', async () => {
    const cases: [Scope, string][] = [
      [{ kind: 'all' }, ''],
      [{ kind: 'regions', regionIds: [t.fixture.regions.east.id] }, `AND cs.school_id IN (SELECT id FROM schools WHERE region_id = ${t.fixture.regions.east.id})`],
    ];
    for (const [scope, where] of cases) {
      statements = [];
      const stats = await dashboardStats(logged, scope, {});
      expect(statements).toHaveLength(1);
      const expected = await counted(where);
      expect(expected.totals.schools).toBeGreaterThan(0);
      expect(stats.totals).toEqual(expected.totals);
      expect(stats.failingByKpi).toEqual(expected.failingByKpi);
      expect(stats.atRiskCount).toBe(expected.atRiskCount);
      expect(stats.atRisk.map((r) => r.id)).toEqual(expected.atRisk);
      expect(stats.byTier.reduce((n, b) => n + b.schools, 0)).toBe(expected.totals.schools);
      expect(stats.regionTier.reduce((n, b) => n + b.schools, 0)).toBe(expected.totals.schools);
      // The at-risk records are the compliance records as the API sends them, with the school's name.
      for (const r of stats.atRisk) expect(r).toMatchObject({ id: expect.any(String), schoolName: expect.any(String), kpis: expect.any(Object) });
    }
  });

  it('filters by region and tier', async () => {
    const stats = await dashboardStats(logged, { kind: 'all' }, { tier: ['talent_base'] });
    expect(stats.byTier.map((b) => b.tier)).toEqual(['talent_base']);
    const expected = await counted(`AND cs.tier = 'talent_base'`);
    expect(stats.totals).toEqual(expected.totals);
  });

  it('reads the current years from the covering index, not from the rows that carry the record', async () => {
    await queryRows(t.database.db, sql`VACUUM (ANALYZE) compliance_summaries`);
    statements = [];
    params = [];
    await dashboardStats(logged, { kind: 'all' }, {});
    // With three schools a scan of the table is cheaper; forbid it, and the plan must still read the
    // pass from the index alone (an index-only scan: the index covers every column the pass reads).
    const settings = 'SET LOCAL enable_seqscan = off; SET LOCAL enable_bitmapscan = off';
    const explain = `EXPLAIN ${statements[0]}`;
    const plan = t.database.pglite
      ? await t.database.pglite.transaction(async (tx) => {
        await tx.exec(settings);
        return (await tx.query<{ 'QUERY PLAN': string }>(explain, params[0])).rows.map((r) => r['QUERY PLAN']).join('\n');
      })
      : await t.database.sql!.begin(async (tx) => {
        await tx.unsafe(settings).simple();
        return ((await tx.unsafe(explain, params[0] as never[])) as unknown as { 'QUERY PLAN': string }[]).map((r) => r['QUERY PLAN']).join('\n');
      });
    expect(plan).toMatch(/Index Only Scan using compliance_dashboard_idx on compliance_summaries/);
    expect(plan).not.toMatch(/Seq Scan on compliance_summaries/);
  });
});
