import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { format, subDays } from 'date-fns';
import { createTestApp, type TestContext } from '../../../test/test-app.js';
import { agreements, certificates, complianceSummaries, courses, jobApplications, jobFairs, jobRegistrations, students, tierPolicies } from '../../db/schema/index.js';
import { queryRows } from '../../db/raw.js';
import { todayInChina, type WhatIfAnswer, type WhatIfSchool } from '@campus/common';
import { recomputeAll } from './recompute.js';
import { PgDialect } from 'drizzle-orm/pg-core';
import { judge, whatIfStatement, type CountedFrom } from './what-if.js';
import { daysAgo } from '../../../test/days.js';

// issue 17 item 5 / issue 15 item 3: the what-if names the schools that would pass or fail, from one
// statement over the summaries' value columns (or, when an edit changes what counts, the one KPI query).
let t: TestContext;
let policyId: number;
const today = todayInChina();

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
    const fromFacts = await judge(t.database.db, { kind: 'all' }, policy, policy, ['offlineCourses', 'jobPlatformRate'], today, 'facts');
    for (const a of [answer, measured, fromFacts]) {
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
    const text = (recomputed: Parameters<typeof whatIfStatement>[3], from?: CountedFrom) => new PgDialect().sqlToQuery(whatIfStatement({ kind: 'all' }, policy, policy, recomputed, today, from)).sql;
    for (const recomputed of [[], ['jobPlatformRate']] as const) {
      for (const from of ['distributions', 'facts'] as const) expect(text([...recomputed], from)).not.toMatch(/\brecord\b|\bverdicts\b/);
    }
    expect(text([])).not.toMatch(/certificates c\b|job_applications/);
    // A counting rule is counted again from the summaries' distributions, not from the facts...
    expect(text(['jobPlatformRate', 'offlineCourses'])).not.toMatch(/certificates c\b|job_applications|job_registrations|courses c\b/);
    expect(text(['jobPlatformRate'])).toMatch(/active_histogram/);
    // ...which the full recomputation they are checked against reads.
    expect(text(['jobPlatformRate'], 'facts')).toMatch(/job_applications/);
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

// The distributions a current year's summary keeps (issue 15 item 3) are checked against a full
// recomputation from the facts: for a grid of counting rules, the what-if's counts from them equal the
// one KPI query's with the edited policy and a plain count written here from the facts, and so do its
// verdicts. Runs last: it adds facts the earlier cases do not expect.
describe('the what-if of a counting rule, from the distributions the summaries keep', () => {
  interface Counted { agreementId: number; year: number; kvOfflineCourses: number | null; kvCertifiedStudents: number | null; kvActiveCertified: number | null }

  beforeAll(async () => {
    const { db } = t.database;
    const { eastA, southA, northA, eastB } = t.fixture.schools;
    // Offline courses of several class hours, one taught before the year (never counted), one without an end.
    for (const [school, hours] of [[eastA, [8, 16, 16, 40]], [southA, [32]], [northA, []], [eastB, [4, 16, 64]]] as const) {
      for (const [i, h] of hours.entries()) {
        await db.insert(courses).values({ schoolId: school.id, kind: 'offline', title: `线下课${i}`, classHours: h, taughtFrom: daysAgo(60 + i), taughtTo: i % 2 ? null : daysAgo(10) });
      }
    }
    await db.insert(courses).values({ schoolId: eastA.id, kind: 'offline', title: '去年的课', classHours: 64, taughtFrom: daysAgo(400), taughtTo: daysAgo(300) });
    // Certified students of other resumes and applications: unregistered, registered after the as-of
    // day, a low resume with many applications, two certificates (counted once), applications before the year.
    const student = async (school: { id: number }, no: string) => (await db.insert(students).values({ schoolId: school.id, studentNo: no, name: no, cohortYear: 2025, enrolledOn: daysAgo(200) }).returning())[0];
    const add = async (school: { id: number }, no: string, opts: { resume?: number; registeredOn?: string; applied?: number[]; certs?: number }) => {
      const s = await student(school, no);
      for (let c = 0; c < (opts.certs ?? 1); c++) await db.insert(certificates).values({ schoolId: school.id, studentId: s.id, kind: c ? '1x_junior' : 'operator', issuedOn: daysAgo(45 + c) });
      if (opts.resume === undefined) return;
      const [r] = await db.insert(jobRegistrations).values({ schoolId: school.id, studentId: s.id, registeredOn: opts.registeredOn ?? daysAgo(40), resumeCompleteness: opts.resume }).returning();
      for (const d of opts.applied ?? []) await db.insert(jobApplications).values({ registrationId: r.id, studentId: s.id, schoolId: school.id, appliedOn: daysAgo(d) });
    };
    await add(eastA, 'D1', {});
    await add(eastA, 'D2', { resume: 60.5, applied: [5, 6, 7, 8] });
    await add(southA, 'D3', { resume: 100, applied: [3, 4, 150], certs: 2 });
    await add(northA, 'D4', { resume: 75, registeredOn: format(subDays(new Date(`${today}T00:00:00`), -5), 'yyyy-MM-dd'), applied: [] });
    await add(eastB, 'D5', { resume: 90, applied: [] });
    await add(eastB, 'D6', { resume: 89.99, applied: [1, 2, 3] });
    await recomputeAll(db, today);
  });

  const counted = async (edited: Record<string, unknown>, recomputed: Parameters<typeof judge>[4], from: CountedFrom) => {
    const [policy] = await t.database.db.select().from(tierPolicies).where(eq(tierPolicies.id, policyId));
    const rows = await queryRows<Counted>(t.database.db, whatIfStatement({ kind: 'all' }, policy, { ...policy, ...edited }, recomputed, today, from));
    return rows.map((r) => ({ id: `${r.agreementId}-${r.year}`, offline: Number(r.kvOfflineCourses), certified: Number(r.kvCertifiedStudents), active: Number(r.kvActiveCertified) }))
      .sort((a, b) => a.id.localeCompare(b.id));
  };

  /** The counts written out plainly from the facts, for the policy's current years measured on their as-of day. */
  const plain = async (minHours: number, minResume: number, minApplications: number) => {
    const rows = await queryRows<{ id: string; offline: number; certified: number; active: number }>(t.database.db, sql`
      SELECT cs.id,
        (SELECT count(*) FROM courses c WHERE c.school_id = cs.school_id AND c.kind = 'offline' AND c.class_hours >= ${minHours}::int
           AND c.taught_from <= cs.as_of AND coalesce(c.taught_to, c.taught_from) >= cs.from_date)::int AS offline,
        (SELECT count(DISTINCT c.student_id) FROM certificates c WHERE c.school_id = cs.school_id AND c.issued_on BETWEEN cs.from_date AND cs.as_of
           AND c.kind IN ('1x_junior', '1x_intermediate', '1x_senior', 'operator'))::int AS certified,
        (SELECT count(DISTINCT c.student_id) FROM certificates c WHERE c.school_id = cs.school_id AND c.issued_on BETWEEN cs.from_date AND cs.as_of
           AND c.kind IN ('1x_junior', '1x_intermediate', '1x_senior', 'operator')
           AND EXISTS (SELECT 1 FROM job_registrations r WHERE r.student_id = c.student_id AND r.registered_on <= cs.as_of AND r.resume_completeness >= ${minResume}::numeric)
           AND (SELECT count(*) FROM job_applications ja WHERE ja.student_id = c.student_id AND ja.applied_on BETWEEN cs.from_date AND cs.as_of) >= ${minApplications}::int)::int AS active
      FROM compliance_summaries cs WHERE cs.is_current AND cs.policy_id = ${policyId}`);
    return rows.map((r) => ({ ...r, offline: Number(r.offline), certified: Number(r.certified), active: Number(r.active) })).sort((a, b) => a.id.localeCompare(b.id));
  };

  it('counts, for every counting rule tried, what the one KPI query and a plain count from the facts count', async () => {
    const stored = (await t.database.db.select().from(complianceSummaries).where(eq(complianceSummaries.policyId, policyId))).filter((s) => s.isCurrent);
    expect(stored).toHaveLength(4);
    for (const s of stored) expect(s.activeHistogram, s.id).not.toBeNull();
    let varied = 0;
    for (const minHours of [1, 16, 17, 64]) {
      for (const minResume of [0, 60.5, 89.99, 90, 100]) {
        for (const minApplications of [0, 1, 2, 4]) {
          const edited = { offlineCourseMinHours: minHours, activeResumeCompleteness: minResume, activeMinApplications: minApplications };
          const fromDistributions = await counted(edited, ['offlineCourses', 'jobPlatformRate'], 'distributions');
          expect(await counted(edited, ['offlineCourses', 'jobPlatformRate'], 'facts'), JSON.stringify(edited)).toEqual(fromDistributions);
          expect(await plain(minHours, minResume, minApplications), JSON.stringify(edited)).toEqual(fromDistributions);
          varied += new Set(fromDistributions.map((r) => `${r.offline}/${r.active}`)).size;
        }
      }
    }
    // The grid is not vacuous: the counts move with the rules.
    expect(varied).toBeGreaterThan(80);
  });

  it('judges as the full recomputation does, over HTTP and directly, and from the facts when a summary has no distributions', async () => {
    const [policy] = await t.database.db.select().from(tierPolicies).where(eq(tierPolicies.id, policyId));
    for (const edit of [{ activeMinApplications: 2 }, { activeMinApplications: 0, activeResumeCompleteness: 60 }, { offlineCourseMinHours: 16, offlineCourses: 2 }, { activeResumeCompleteness: 95, jobPlatformRate: 0.25 }]) {
      const answer = await whatIf(edit);
      expect(answer.recomputedKpis.length).toBeGreaterThan(0);
      const edited = { ...policy, ...edit };
      const fromFacts = await judge(t.database.db, { kind: 'all' }, policy, edited, answer.recomputedKpis, today, 'facts');
      expect(answer, JSON.stringify(edit)).toEqual(fromFacts);
    }
    // A summary written before the distributions were kept: counted from the facts, the same answer.
    const edited = { ...policy, activeMinApplications: 2, offlineCourseMinHours: 32 };
    const expected = await judge(t.database.db, { kind: 'all' }, policy, edited, ['offlineCourses', 'jobPlatformRate'], today, 'facts');
    await t.database.db.execute(sql`UPDATE compliance_summaries SET active_histogram = NULL, offline_hours_histogram = NULL
      WHERE id = (SELECT min(id) FROM compliance_summaries WHERE is_current AND policy_id = ${policyId})`);
    expect(await judge(t.database.db, { kind: 'all' }, policy, edited, ['offlineCourses', 'jobPlatformRate'], today)).toEqual(expected);
    await recomputeAll(t.database.db, today);
  });
});
