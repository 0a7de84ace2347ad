import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, listQuery, type TestContext } from '../../../test/test-app.js';
import { summariesBeforeAndAfterFullRecomputation } from '../../../test/compliance-check.js';
import { agreements, practiceRecords, students, tierPolicies } from '../../db/schema/index.js';
import { fixClock } from '@campus/common';
import { resetFreshnessMark } from './recompute.js';

// issue 19 item 5 / DOMAIN.md "KPI edge rules": verdicts and projections compare exact values; values are
// rounded only for display. 76,124.99 hours for 435 students is 174.99997 hours each: not 175.
let t: TestContext;
let agreementId: number;

beforeAll(async () => {
  fixClock('2026-03-01');
  resetFreshnessMark();
  t = await createTestApp();
  const { db } = t.database;
  const schoolId = t.fixture.schools.eastA.id;
  const hq = await t.as('hq@test.cn');
  const [policy] = await db.select().from(tierPolicies).where(eq(tierPolicies.tier, 'industry_college'));
  const put = await hq.put(`/api/tier-policies/${policy.id}`, { version: policy.version, practiceHours: 175 });
  expect(put.statusCode, put.body).toBe(200);
  // The current year [2025-09-01, 2026-09-01), 182 days in: a projection is made.
  [{ id: agreementId }] = await db.insert(agreements).values({ schoolId, tier: 'industry_college', status: 'active', startDate: '2025-09-01', termYears: 3 }).returning();
  const enrolled = await db.insert(students).values(Array.from({ length: 435 }, (_, i) => ({
    schoolId, studentNo: `P${i}`, name: `学生${i}`, cohortYear: 2025, enrolledOn: '2025-09-01',
  }))).returning({ id: students.id });
  await db.insert(practiceRecords).values(enrolled.map((s, i) => ({
    schoolId, studentId: s.id, project: '实战项目', hours: i === 0 ? 174.99 : 175, practicedOn: '2025-12-01', confirmed: true,
  })));
  // A fact written through the API recomputes the school's summaries.
  const fair = await (await t.as('school@test.cn')).post('/api/job-fairs', { title: '招聘会', heldOn: '2026-02-01' });
  expect(fair.statusCode, fair.body).toBe(201);
});
afterAll(async () => {
  fixClock(undefined);
  await t?.close();
});

describe('verdicts use exact values', () => {
  it('174.99997 practice hours a student against 175: not met, and not projected met', async () => {
    const hq = await t.as('hq@test.cn');
    const [row] = (await hq.get('/api/compliance', listQuery({ filter: { agreementId, current: true } }))).json();
    expect(row.enrolledStudents).toBe(435);
    expect(row.projection.status).toBe('projected');
    const kpi = row.kpis.practiceHours;
    expect(kpi.threshold).toBe(175);
    expect({ met: kpi.met, projectedMet: kpi.projectedMet }).toEqual({ met: false, projectedMet: false });
    expect(kpi.value).toBeCloseTo(76124.99 / 435, 9);
    expect(kpi.value).toBeLessThan(175);
    expect(row.failingKpis).toContain('practiceHours');
    // The dashboard's at-risk list tells the same.
    const stats = (await hq.get('/api/compliance/summary')).json();
    const atRisk = stats.atRisk.find((r: { agreementId: number }) => r.agreementId === agreementId);
    expect(atRisk.kpis.practiceHours).toMatchObject({ met: false, projectedMet: false });
    expect(atRisk).toEqual({ ...row });
  });

  it('the maintained summary equals a full recomputation', async () => {
    const { before, after } = await summariesBeforeAndAfterFullRecomputation(t.database.db);
    expect(after).toEqual(before);
  });
});
