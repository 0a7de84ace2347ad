import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, listQuery, type TestContext } from '../../../test/test-app.js';
import { agreements, certificates, students } from '../../db/schema/index.js';
import { fixClock } from '@campus/common';
import { resetFreshnessMark } from './recompute.js';

// issue 17 item 6: a projection is bounded by what is possible: a count of students by the students
// enrolled. 80 of 100 students certified in the first 182 days project at pace to 160: shown as 100.
let t: TestContext;
let agreementId: number;

beforeAll(async () => {
  fixClock('2026-03-01');
  resetFreshnessMark();
  t = await createTestApp();
  const { db } = t.database;
  const schoolId = t.fixture.schools.eastA.id;
  [{ id: agreementId }] = await db.insert(agreements).values({ schoolId, tier: 'industry_college', status: 'active', startDate: '2025-09-01', termYears: 3 }).returning();
  const enrolled = await db.insert(students).values(Array.from({ length: 100 }, (_, i) => ({
    schoolId, studentNo: `B${i}`, name: `学生${i}`, cohortYear: 2025, enrolledOn: '2025-09-01',
  }))).returning({ id: students.id });
  await db.insert(certificates).values(enrolled.slice(0, 80).map((s, i) => ({ schoolId, studentId: s.id, kind: 'operator', certNo: `OPB-${i}`, issuedOn: '2025-12-01' })));
  await db.insert(certificates).values(enrolled.slice(0, 10).map((s, i) => ({ schoolId, studentId: s.id, kind: '1x_junior', certNo: `1XB-${i}`, issuedOn: '2025-12-01' })));
  // A fact written through the API recomputes the school's summaries.
  const fair = await (await t.as('school@test.cn')).post('/api/job-fairs', { title: '招聘会', heldOn: '2026-02-01' });
  expect(fair.statusCode, fair.body).toBe(201);
});
afterAll(async () => {
  fixClock(undefined);
  await t?.close();
});

describe('projections bounded by what is possible', () => {
  it('a count of students is projected no higher than the students enrolled in the year, a smaller one at its pace', async () => {
    const [row] = (await (await t.as('hq@test.cn')).get('/api/compliance', listQuery({ filter: { agreementId, current: true } }))).json();
    expect(row.enrolledStudents).toBe(100);
    expect(row.projection.status).toBe('projected');
    expect(row.projection.daysElapsed).toBe(182);
    expect(row.kpis.certificatesOperator.value).toBe(80);
    // At pace: 80 × 365 / 182 = 160.4, more students than the school has.
    expect(row.kpis.certificatesOperator.projected).toBe(100);
    expect(row.kpis.certificates1x.projected).toBeCloseTo(10 * 365 / 182, 9);
    // Job fairs are not students: projected at pace, unbounded.
    expect(row.kpis.jobFairs.projected).toBeCloseTo(365 / 182, 9);
    // 100 < 280: the bound keeps the verdict honest (at pace, 160 was also short; the bound is what is shown).
    expect(row.kpis.certificatesOperator.projectedMet).toBe(false);
  });
});
