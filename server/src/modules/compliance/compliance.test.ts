import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, listQuery, type TestContext } from '../../../test/test-app.js';
import { agreements, tierPolicies } from '../../db/schema/index.js';
import { daysAgo } from '../../../test/days.js';

let t: TestContext;

beforeAll(async () => {
  t = await createTestApp();
  const { eastA, southA, eastB } = t.fixture.schools;
  await t.database.db.insert(agreements).values([
    { schoolId: eastA.id, tier: 'talent_base', status: 'active', startDate: daysAgo(500), termYears: 3 },
    { schoolId: southA.id, tier: 'talent_base', status: 'active', startDate: daysAgo(120), termYears: 3 },
    { schoolId: eastB.id, tier: 'pilot_1x', status: 'active', startDate: daysAgo(30), termYears: 1 },
  ]);
  // school A: 2 students certified with the Operator certificate, one job fair, 3 certified instructors
  const a = await t.as('school@test.cn');
  for (const no of ['A1', 'A2']) {
    const s = (await a.post('/api/students', { studentNo: no, name: no, cohortYear: 2025 })).json();
    await a.post('/api/certificates', { studentId: s.id, kind: 'operator', issuedOn: daysAgo(10) });
    await a.post('/api/job-registrations', { studentId: s.id, registeredOn: daysAgo(9), resumeCompleteness: 90, applicationDates: [daysAgo(5)] });
  }
  await a.post('/api/job-fairs', { title: '春季招聘会', heldOn: daysAgo(20) });
  for (const n of ['甲', '乙', '丙']) await a.post('/api/instructors', { name: n, certifications: [{ certNo: `T-${n}`, level: 'senior', validFrom: daysAgo(400), validTo: daysAgo(-400) }] });
});
afterAll(async () => { await t?.close(); });

describe('the compliance resource', () => {
  it('lists every agreement year, filters the current ones, and sorts by a KPI', async () => {
    const hq = await t.as('hq@test.cn');
    const all = await hq.get('/api/compliance', listQuery({ range: [0, 99] }));
    expect(all.headers['content-range']).toBe('compliance 0-3/4'); // school A has years 1 and 2
    const current = (await hq.get('/api/compliance', listQuery({ filter: { current: true }, sort: ['kpis.certificatesOperator', 'DESC'] }))).json();
    expect(current.map((r: { schoolName: string }) => r.schoolName)).toEqual(['浙江金融职业学院', expect.any(String), expect.any(String)]);
    expect(current[0]).toMatchObject({ year: 2, current: true, kpis: { certificatesOperator: { value: 2, threshold: 60, met: false }, jobPlatformRate: { value: 1, met: true } } });
    const id = current[0].id;
    expect((await hq.get(`/api/compliance/${id}`)).json()).toMatchObject({ id, schoolId: t.fixture.schools.eastA.id });
    expect((await hq.get('/api/compliance', listQuery({ filter: { id: [id] } }))).json()).toHaveLength(1);
    expect((await hq.get('/api/compliance/abc')).statusCode).toBe(400);
  });

  it('sends each listed record exactly as a single read and a computation from the row give it', async () => {
    const hq = await t.as('hq@test.cn');
    const list = await hq.get('/api/compliance', listQuery({ range: [0, 99] }));
    expect(list.headers['content-type']).toMatch(/^application\/json/);
    const rows = list.json() as { id: string; schoolName: string; projection: unknown; current: boolean }[];
    expect(rows.length).toBe(4);
    const { complianceSummaries: cs, schools } = await import('../../db/schema/index.js');
    const { toComplianceRecord } = await import('./compliance-record.js');
    for (const row of rows) {
      expect((await hq.get(`/api/compliance/${row.id}`)).json()).toEqual(row);
      const [stored] = await t.database.db.select().from(cs).innerJoin(schools, eq(schools.id, cs.schoolId)).where(eq(cs.id, row.id));
      expect(toComplianceRecord({ ...stored.compliance_summaries, schoolName: stored.schools.name })).toEqual(row);
      if (row.current) expect(row.projection).not.toBeNull();
    }
    // The school's name is read at once, not when the record was built.
    const { eastA } = t.fixture.schools;
    await t.database.db.update(schools).set({ name: '浙江金融职业学院（新校名）' }).where(eq(schools.id, eastA.id));
    const renamed = (await hq.get('/api/compliance', listQuery({ filter: { schoolId: eastA.id } }))).json() as { schoolName: string }[];
    expect(renamed.map((r) => r.schoolName)).toEqual(['浙江金融职业学院（新校名）', '浙江金融职业学院（新校名）']);
    await t.database.db.update(schools).set({ name: '浙江金融职业学院' }).where(eq(schools.id, eastA.id));
  });

  it('filters by compliance, failing KPI, tier and region; scope applies', async () => {
    const hq = await t.as('hq@test.cn');
    const failingCerts = (await hq.get('/api/compliance', listQuery({ filter: { current: true, failingKpi: 'certificates1x' } }))).json();
    expect(failingCerts.every((r: { failingKpis: string[] }) => r.failingKpis.includes('certificates1x'))).toBe(true);
    expect(failingCerts.length).toBe(2);
    const pilot = (await hq.get('/api/compliance', listQuery({ filter: { tier: 'pilot_1x', compliant: false } }))).json();
    expect(pilot).toEqual([expect.objectContaining({ failingKpis: ['certifiedInstructors'] })]);
    const south = (await (await t.as('south@test.cn')).get('/api/compliance')).json();
    expect(south.map((r: { schoolId: number }) => r.schoolId)).toEqual([t.fixture.schools.southA.id]);
    expect((await hq.get('/api/compliance', listQuery({ filter: { failingKpi: 'charm' } }))).statusCode).toBe(400);
  });

  it('the current year carries a projection once 60 days have passed', async () => {
    const hq = await t.as('hq@test.cn');
    const [young] = (await hq.get('/api/compliance', listQuery({ filter: { tier: 'pilot_1x' } }))).json();
    expect(young.projection).toEqual({ status: 'not_enough_data', daysElapsed: 31 });
    const [older] = (await hq.get('/api/compliance', listQuery({ filter: { schoolId: t.fixture.schools.southA.id } }))).json();
    expect(older.projection.status).toBe('projected');
    expect(older.kpis.certificates1x).toHaveProperty('projected');
  });

  it('dashboard numbers: per tier, failing by KPI, region × tier, at risk', async () => {
    const stats = (await (await t.as('hq@test.cn')).get('/api/compliance/summary')).json();
    expect(stats.totals).toEqual({ schools: 3, compliant: 0 });
    expect(stats.byTier).toEqual(expect.arrayContaining([{ tier: 'talent_base', schools: 2, compliant: 0 }, { tier: 'pilot_1x', schools: 1, compliant: 0 }]));
    expect(stats.failingByKpi.find((f: { kpi: string }) => f.kpi === 'certifiedInstructors').schools).toBe(2);
    expect(stats.regionTier).toEqual(expect.arrayContaining([{ regionId: t.fixture.regions.east.id, tier: 'talent_base', schools: 1, compliant: 0 }]));
    expect(stats.atRisk).toHaveLength(3);
    const east = (await (await t.as('east@test.cn')).get('/api/compliance/summary')).json();
    expect(east.totals.schools).toBe(2);
  });

  it('a monthly trend of the flow KPIs for a school\'s year', async () => {
    const school = await t.as('school@test.cn');
    const [row] = (await school.get('/api/compliance', listQuery({ filter: { current: true } }))).json();
    const trend = (await school.get(`/api/compliance/${row.id}/trend`)).json();
    expect(trend.length).toBeGreaterThanOrEqual(1);
    expect(trend.at(-1)).toMatchObject({ certificatesOperator: 2, jobFairs: 1 });
    expect((await (await t.as('school2@test.cn')).get(`/api/compliance/${row.id}/trend`)).statusCode).toBe(404);
  });
});

describe('tier policies drive the verdicts', () => {
  it('what-if shows how many schools per region would pass, and saves nothing', async () => {
    const hq = await t.as('hq@test.cn');
    const [policy] = await t.database.db.select().from(tierPolicies).where(eq(tierPolicies.tier, 'talent_base'));
    const easier = { version: policy.version, certifiedInstructors: 3, certificates1x: 1, certificatesOperator: 2, jobFairs: 0 };
    const res = await hq.post(`/api/tier-policies/${policy.id}/what-if`, easier);
    expect(res.statusCode, res.body).toBe(200);
    const east = res.json().byRegion.find((r: { regionId: number }) => r.regionId === t.fixture.regions.east.id);
    expect(east).toMatchObject({ before: { pass: 0, fail: 1 }, after: { pass: 1, fail: 0 } });
    expect(res.json().total).toEqual({ before: { pass: 0, fail: 2 }, after: { pass: 1, fail: 1 }, passToFail: 0, failToPass: 1 });
    const [unchanged] = await t.database.db.select().from(tierPolicies).where(eq(tierPolicies.id, policy.id));
    expect(unchanged.version).toBe(policy.version);
    expect((await (await t.as('east@test.cn')).post(`/api/tier-policies/${policy.id}/what-if`, easier)).statusCode).toBe(403);
  });

  it('saving a policy edit changes the verdicts at once', async () => {
    const hq = await t.as('hq@test.cn');
    const [policy] = await t.database.db.select().from(tierPolicies).where(eq(tierPolicies.tier, 'talent_base'));
    await hq.put(`/api/tier-policies/${policy.id}`, { version: policy.version, certifiedInstructors: 3, certificates1x: 1, certificatesOperator: 2, jobFairs: 0 });
    const [row] = (await hq.get('/api/compliance', listQuery({ filter: { current: true, schoolId: t.fixture.schools.eastA.id } }))).json();
    expect(row).toMatchObject({ compliant: true, kpis: { certificatesOperator: { threshold: 2, met: true } } });
  });
});
