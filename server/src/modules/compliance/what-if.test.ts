import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { format, subDays } from 'date-fns';
import { createTestApp, type TestContext } from '../../../test/test-app.js';
import { agreements, certificates, complianceSummaries, jobApplications, jobFairs, jobRegistrations, students, tierPolicies } from '../../db/schema/index.js';
import { todayInChina, type WhatIfAnswer, type WhatIfSchool } from '@campus/common';
import { recomputeAll } from './recompute.js';
import { PgDialect } from 'drizzle-orm/pg-core';
import { judge, whatIfStatement } from './what-if.js';

// issue 17 item 5 / issue 15 item 3: the what-if names the schools that would pass or fail, from one
// statement over the summaries' value columns (or, when an edit changes what counts, the one KPI query).
let t: TestContext;
let policyId: number;
const today = todayInChina();
const daysAgo = (n: number) => format(subDays(new Date(`${today}T00:00:00`), n), 'yyyy-MM-dd');

/**
 * Four schools' current talent-base years under an easy policy (2 Operator certificates, half the
 * certified active on the job platform, one job fair):
 * eastA 2 certified, each with 1 application, 1 fair: passes;
 * southA 1 certified, 1 fair: fails (certificates);
 * northA 3 certified, no fair: fails (job fairs);
 * eastB 2 certified, one with 2 applications and one with 1, 1 fair: passes.
 */
beforeAll(async () => {
  t = await createTestApp();
  const { db } = t.database;
  const { eastA, southA, northA, eastB } = t.fixture.schools;
  await db.update(tierPolicies).set({
    certifiedInstructors: null, teachingDelivery: null, certificates1x: null, certificatesOperator: 2, jobPlatformRate: 0.5, jobFairs: 1,
  }).where(eq(tierPolicies.tier, 'talent_base'));
  [{ id: policyId }] = await db.select({ id: tierPolicies.id }).from(tierPolicies).where(eq(tierPolicies.tier, 'talent_base'));
  const world = [
    { school: eastA, applications: [1, 1], fairs: 1 },
    { school: southA, applications: [1], fairs: 1 },
    { school: northA, applications: [1, 1, 1], fairs: 0 },
    { school: eastB, applications: [2, 1], fairs: 1 },
  ];
  for (const { school, applications, fairs } of world) {
    await db.insert(agreements).values({ schoolId: school.id, tier: 'talent_base', status: 'active', startDate: daysAgo(100), termYears: 3 });
    for (const [i, n] of applications.entries()) {
      const [s] = await db.insert(students).values({ schoolId: school.id, studentNo: `W${school.id}-${i}`, name: `学生${i}`, cohortYear: 2025, enrolledOn: daysAgo(200) }).returning();
      await db.insert(certificates).values({ schoolId: school.id, studentId: s.id, kind: 'operator', issuedOn: daysAgo(50) });
      const [r] = await db.insert(jobRegistrations).values({ schoolId: school.id, studentId: s.id, registeredOn: daysAgo(40), resumeCompleteness: 90 }).returning();
      for (let k = 0; k < n; k++) await db.insert(jobApplications).values({ registrationId: r.id, studentId: s.id, schoolId: school.id, appliedOn: daysAgo(30 - k) });
    }
    for (let f = 0; f < fairs; f++) await db.insert(jobFairs).values({ schoolId: school.id, title: '招聘会', heldOn: daysAgo(20) });
  }
  await recomputeAll(db, today);
});
afterAll(async () => { await t?.close(); });

async function whatIf(changes: Record<string, unknown>): Promise<WhatIfAnswer> {
  const hq = await t.as('hq@test.cn');
  const [policy] = await t.database.db.select().from(tierPolicies).where(eq(tierPolicies.id, policyId));
  const res = await hq.post(`/api/tier-policies/${policyId}/what-if`, { version: policy.version, ...changes });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

const names = (schools: WhatIfSchool[], flip: WhatIfSchool['flip']) => schools.filter((s) => s.flip === flip).map((s) => s.schoolName).sort();

describe('the what-if of a tier policy', () => {
  it('with the thresholds unchanged, judges every current year of the policy as its stored summary does', async () => {
    const stored = await t.database.db.select().from(complianceSummaries).where(eq(complianceSummaries.policyId, policyId));
    const current = stored.filter((s) => s.isCurrent);
    expect(current).toHaveLength(4);
    expect(current.filter((s) => s.compliant)).toHaveLength(2);
    const answer = await whatIf({});
    expect(answer.recomputedKpis).toEqual([]);
    // And with the KPIs whose counting rules a policy sets measured again by the one KPI query.
    const [policy] = await t.database.db.select().from(tierPolicies).where(eq(tierPolicies.id, policyId));
    const measured = await judge(t.database.db, { kind: 'all' }, policy, policy, ['offlineCourses', 'jobPlatformRate'], today);
    for (const a of [answer, measured]) {
      expect(a.schools).toHaveLength(current.length);
      for (const s of current) {
        const judged = a.schools.find((x) => x.agreementId === s.agreementId && x.year === s.year)!;
        expect(judged, `${s.agreementId}-${s.year}`).toMatchObject({
          schoolId: s.schoolId, before: s.compliant, after: s.compliant, flip: null, failingBefore: s.failingKpis, failingAfter: s.failingKpis,
        });
      }
      expect(a.total).toEqual({ before: { pass: 2, fail: 2 }, after: { pass: 2, fail: 2 }, passToFail: 0, failToPass: 0 });
      expect(a.byTier).toEqual([{ tier: 'talent_base', ...a.total }]);
    }
  });

  it('names the schools a moved threshold flips, each way, with the tallies by region and tier', async () => {
    const { eastA, southA, northA, eastB } = t.fixture.schools;
    const easier = await whatIf({ certificatesOperator: 1 });
    expect(easier.schools.filter((s) => s.flip)).toEqual([
      expect.objectContaining({ schoolId: southA.id, schoolName: southA.name, regionId: t.fixture.regions.south.id, flip: 'fail_to_pass', before: false, after: true, failingBefore: ['certificatesOperator'], failingAfter: [] }),
    ]);

    const moved = await whatIf({ certificatesOperator: 3, jobFairs: 0 });
    expect(names(moved.schools, 'pass_to_fail')).toEqual([eastA.name, eastB.name].sort());
    expect(names(moved.schools, 'fail_to_pass')).toEqual([northA.name]);
    expect(moved.schools.map((s) => s.flip)).toEqual(['pass_to_fail', 'pass_to_fail', 'fail_to_pass', null]);
    expect(moved.schools.find((s) => s.schoolId === eastA.id)).toMatchObject({ complianceId: expect.stringMatching(/^\d+-1$/), failingAfter: ['certificatesOperator'] });
    const east = moved.byRegion.find((r) => r.regionId === t.fixture.regions.east.id);
    expect(east).toEqual({ regionId: t.fixture.regions.east.id, nameZh: '华东', nameEn: 'East China', before: { pass: 2, fail: 0 }, after: { pass: 0, fail: 2 }, passToFail: 2, failToPass: 0 });
    expect(moved.total).toEqual({ before: { pass: 2, fail: 2 }, after: { pass: 1, fail: 3 }, passToFail: 2, failToPass: 1 });
    expect(moved.byTier).toEqual([{ tier: 'talent_base', ...moved.total }]);
  });

  it('measures again what an edit of a counting rule changes: two applications to be active', async () => {
    const { eastA } = t.fixture.schools;
    const answer = await whatIf({ activeMinApplications: 2 });
    expect(answer.recomputedKpis).toEqual(['jobPlatformRate']);
    // eastA's two certified sent one application each: none active now; eastB's one of two still is (0.5).
    expect(answer.schools.filter((s) => s.flip)).toEqual([
      expect.objectContaining({ schoolId: eastA.id, flip: 'pass_to_fail', failingAfter: ['jobPlatformRate'] }),
    ]);
  });

  it("reads the summaries' value columns and never their record blobs, and the KPI query only for a counting rule", async () => {
    const [policy] = await t.database.db.select().from(tierPolicies).where(eq(tierPolicies.id, policyId));
    const text = (recomputed: Parameters<typeof whatIfStatement>[3]) => new PgDialect().sqlToQuery(whatIfStatement({ kind: 'all' }, policy, policy, recomputed, today)).sql;
    for (const recomputed of [[], ['jobPlatformRate']] as const) expect(text([...recomputed])).not.toMatch(/\brecord\b|\bverdicts\b/);
    expect(text([])).not.toMatch(/certificates c\b|job_applications/);
    expect(text(['jobPlatformRate'])).toMatch(/job_applications/);
  });

  it('saves nothing, is HQ\'s, and refuses what it cannot judge', async () => {
    const [before] = await t.database.db.select().from(tierPolicies).where(eq(tierPolicies.id, policyId));
    await whatIf({ certificatesOperator: 1 });
    const [after] = await t.database.db.select().from(tierPolicies).where(eq(tierPolicies.id, policyId));
    expect(after).toEqual(before);
    const regional = await t.as('east@test.cn');
    expect((await regional.post(`/api/tier-policies/${policyId}/what-if`, { version: 1, jobFairs: 0 })).statusCode).toBe(403);
    const hq = await t.as('hq@test.cn');
    expect((await hq.post('/api/tier-policies/999999/what-if', { version: 1, jobFairs: 0 })).statusCode).toBe(404);
    const bad = await hq.post(`/api/tier-policies/${policyId}/what-if`, { version: 1, jobPlatformRate: 2 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details[0]).toMatchObject({ field: 'body.jobPlatformRate' });
  });
});
