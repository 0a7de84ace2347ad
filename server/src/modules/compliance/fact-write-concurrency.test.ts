import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, listQuery, type TestContext } from '../../../test/test-app.js';
import { PASSWORD } from '../../../test/fixtures.js';
import { summariesBeforeAndAfterFullRecomputation } from '../../../test/compliance-check.js';
import { agreements, students } from '../../db/schema/index.js';
import { daysAgo } from '../../../test/days.js';

// issue 11 item 3: every fact write locks its school to recompute the summaries; the fact's foreign key
// already holds a share lock on that row, so the lock taken for the recomputation must not deadlock with it.
let t: TestContext;
const WRITERS = 8;
const WRITES = 5;

beforeAll(async () => {
  t = await createTestApp();
  const schoolId = t.fixture.schools.eastA.id;
  await t.database.db.insert(agreements).values({ schoolId, tier: 'industry_college', status: 'active', startDate: daysAgo(200), termYears: 3 });
  await t.database.db.insert(students).values(Array.from({ length: WRITERS * WRITES }, (_, i) => ({
    schoolId, studentNo: `C${i}`, name: `学生${i}`, cohortYear: 2024, enrolledOn: '2024-09-01',
  })));
});
afterAll(async () => { await t?.close(); });

async function signIn(email: string) {
  const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: PASSWORD } });
  const cookie = `cp_session=${res.cookies.find((c) => c.name === 'cp_session')!.value}`;
  return { post: (url: string, payload: object) => t.app.inject({ method: 'POST', url, payload, headers: { cookie } }) };
}

describe('concurrent fact writes for one school', () => {
  it(`${WRITERS} writers × ${WRITES} certificates and practice records at once all succeed, and the summary equals a full recomputation`, async () => {
    const rows = await t.database.db.select({ id: students.id }).from(students);
    const ids = rows.map((r) => r.id).sort((a, b) => a - b);
    // Separate clients: each writer signs in with its own session.
    const clients = await Promise.all(Array.from({ length: WRITERS }, () => signIn('school@test.cn')));
    const statuses: number[] = [];
    await Promise.all(Array.from({ length: WRITERS }, async (_, w) => {
      const client = clients[w];
      for (let i = 0; i < WRITES; i++) {
        const studentId = ids[w * WRITES + i];
        const res = i % 2
          ? await client.post('/api/practice-records', { studentId, project: '实战项目', hours: 10, practicedOn: daysAgo(1 + i), confirmed: true })
          : await client.post('/api/certificates', { studentId, kind: 'operator', issuedOn: daysAgo(1 + i) });
        statuses.push(res.statusCode);
        if (res.statusCode !== 201) console.error(res.body);
      }
    }));
    expect(statuses.filter((s) => s !== 201)).toEqual([]);
    expect(statuses).toHaveLength(WRITERS * WRITES);

    const hq = await t.as('hq@test.cn');
    const [row] = (await hq.get('/api/compliance', listQuery({ filter: { current: true, schoolId: t.fixture.schools.eastA.id } }))).json();
    // Writers 0..7 post certificates at i = 0, 2, 4 (24 students) and practice records at i = 1, 3 (16 × 10 h over 40 students).
    expect(row.kpis.certificatesOperator.value).toBe(WRITERS * 3);
    expect(row.kpis.practiceHours.value).toBe((WRITERS * 2 * 10) / (WRITERS * WRITES));
    const { before, after } = await summariesBeforeAndAfterFullRecomputation(t.database.db);
    expect(after).toEqual(before);
  }, 120_000);
});
