import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, listQuery, type Client, type TestContext } from '../../../test/test-app.js';
import { summariesBeforeAndAfterFullRecomputation } from '../../../test/compliance-check.js';
import { agreements } from '../../db/schema/index.js';
import { fixClock } from '@campus/common';
import { resetFreshnessMark } from './recompute.js';

// issue 19 item 3 / DOMAIN.md "KPI edge rules": an agreement that ended early has its last, partial year
// measured up to the day it ended; facts after that day do not count, and the row no longer changes.
let t: TestContext;
let school: Client;
let agreementId: number;

async function created(res: Promise<{ statusCode: number; body: string; json(): { id: number } }>) {
  const r = await res;
  expect(r.statusCode, r.body).toBe(201);
  return r.json();
}

async function rowOfYear1() {
  const res = await (await t.as('hq@test.cn')).get('/api/compliance', listQuery({ filter: { agreementId } }));
  expect(res.statusCode).toBe(200);
  const rows = res.json();
  expect(rows).toHaveLength(1);
  return rows[0];
}

beforeAll(async () => {
  fixClock('2026-03-01');
  resetFreshnessMark();
  t = await createTestApp();
  const schoolId = t.fixture.schools.eastA.id;
  // Year 1 is [2025-06-01, 2026-06-01); the agreement was terminated on 2025-12-01.
  [{ id: agreementId }] = await t.database.db.insert(agreements).values({
    schoolId, tier: 'talent_base', status: 'terminated', startDate: '2025-06-01', termYears: 3, endedOn: '2025-12-01',
  }).returning();
  school = await t.as('school@test.cn');
  const s1 = await created(school.post('/api/students', { studentNo: 'S1', name: '一', cohortYear: 2024 }));
  const s2 = await created(school.post('/api/students', { studentNo: 'S2', name: '二', cohortYear: 2024 }));
  const s3 = await created(school.post('/api/students', { studentNo: 'S3', name: '三', cohortYear: 2025, enrolledOn: '2025-12-20' }));
  await created(school.post('/api/certificates', { studentId: s1.id, kind: 'operator', issuedOn: '2025-11-20' }));
  await created(school.post('/api/certificates', { studentId: s2.id, kind: 'operator', issuedOn: '2025-12-01' })); // the day it ended counts
  await created(school.post('/api/certificates', { studentId: s3.id, kind: 'operator', issuedOn: '2025-12-22' })); // after: does not
  await created(school.post('/api/job-fairs', { title: '冬季招聘会', heldOn: '2025-12-15' }));
  await created(school.post('/api/practice-records', { studentId: s1.id, project: '实战项目', hours: 10, practicedOn: '2025-11-01', confirmed: true }));
  await created(school.post('/api/practice-records', { studentId: s1.id, project: '实战项目', hours: 20, practicedOn: '2026-01-10', confirmed: true }));
  await created(school.post('/api/instructors', { name: '甲', certifications: [{ certNo: 'T-1', level: 'senior', validFrom: '2025-01-01', validTo: '2025-12-31' }] }));
  await created(school.post('/api/instructors', { name: '乙', certifications: [{ certNo: 'T-2', level: 'senior', validFrom: '2026-01-01', validTo: '2027-12-31' }] }));
});
afterAll(async () => {
  fixClock(undefined);
  await t?.close();
});

describe('the last, partial year of an agreement that ended early', () => {
  it('is measured up to the day it ended', async () => {
    const row = await rowOfYear1();
    expect({ from: row.from, to: row.to, asOf: row.asOf, current: row.current, projection: row.projection })
      .toEqual({ from: '2025-06-01', to: '2026-06-01', asOf: '2025-12-01', current: false, projection: null });
    expect(row.enrolledStudents).toBe(2); // S3 enrolled after the agreement ended
    expect({
      certificatesOperator: row.kpis.certificatesOperator.value, jobFairs: row.kpis.jobFairs.value,
      practiceHours: row.kpis.practiceHours.value, certifiedInstructors: row.kpis.certifiedInstructors.value,
    }).toEqual({ certificatesOperator: 2, jobFairs: 0, practiceHours: 5, certifiedInstructors: 1 });
  });

  it('no longer changes as days pass and facts dated after its end arrive', async () => {
    const { computedFor: _c, ...before } = await rowOfYear1();
    fixClock('2026-05-20');
    resetFreshnessMark();
    const students = (await school.get('/api/students', listQuery({ filter: { q: 'S3' } }))).json() as { id: number; studentNo: string }[];
    const s3 = students.find((s) => s.studentNo === 'S3')!;
    await created(school.post('/api/certificates', { studentId: s3.id, kind: '1x_junior', issuedOn: '2026-05-01' }));
    await created(school.post('/api/job-fairs', { title: '春季招聘会', heldOn: '2026-04-15' }));
    const { computedFor, ...after } = await rowOfYear1();
    expect(computedFor).toBe('2026-05-20');
    expect(after).toEqual(before);
    const { before: stored, after: recomputed } = await summariesBeforeAndAfterFullRecomputation(t.database.db);
    expect(recomputed).toEqual(stored);
  });
});
