import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, listQuery, type TestContext } from '../../../test/test-app.js';
import { summariesBeforeAndAfterFullRecomputation } from '../../../test/compliance-check.js';
import { agreements } from '../../db/schema/index.js';
import { fixClock } from '@campus/common';
import { resetFreshnessMark } from './recompute.js';

// issue 19 item 8 / DOMAIN.md "KPI edge rules":
// - an agreement whose term has run out and that waits for its final review stays in every dashboard and
//   total, as "awaiting final review", with its last year as its current row, until the final review is decided;
// - where the tier has a practice-hours threshold and no student is enrolled in the year, the KPI has no
//   value and is not met; teaching delivery keeps "no graduates: no value, not failing".
let t: TestContext;
let pastTerm: number;
let emptyCollege: number;

beforeAll(async () => {
  fixClock('2026-03-01');
  resetFreshnessMark();
  t = await createTestApp();
  const { eastA, southA } = t.fixture.schools;
  // Years [2022-06-01, 2023-06-01), …, [2024-06-01, 2025-06-01): the term ran out on 2025-06-01, no final review yet.
  [{ id: pastTerm }] = await t.database.db.insert(agreements).values({ schoolId: eastA.id, tier: 'talent_base', status: 'active', startDate: '2022-06-01', termYears: 3 }).returning();
  // An Industry College in its first year, with no student enrolled.
  [{ id: emptyCollege }] = await t.database.db.insert(agreements).values({ schoolId: southA.id, tier: 'industry_college', status: 'active', startDate: '2025-09-01', termYears: 3 }).returning();
});
afterAll(async () => {
  fixClock(undefined);
  await t?.close();
});

async function currentRows() {
  const res = await (await t.as('hq@test.cn')).get('/api/compliance', listQuery({ filter: { current: true } }));
  expect(res.statusCode).toBe(200);
  return (res.json() as { agreementId: number; year: number; current: boolean; awaitingFinalReview: boolean; asOf: string }[])
    .sort((a, b) => a.agreementId - b.agreementId);
}

describe('an agreement past its term that waits for its final review', () => {
  it('keeps its last year as its current row, awaiting final review, in every dashboard and total', async () => {
    const rows = await currentRows();
    expect(rows.map((r) => [r.agreementId, r.year, r.awaitingFinalReview])).toEqual([[pastTerm, 3, true], [emptyCollege, 1, false]]);
    expect(rows[0]).toMatchObject({ current: true, asOf: '2025-05-31' });
    const hq = await t.as('hq@test.cn');
    const stats = (await hq.get('/api/compliance/summary')).json();
    expect(stats.totals.schools).toBe(2);
    expect(stats.byTier).toEqual(expect.arrayContaining([expect.objectContaining({ tier: 'talent_base', schools: 1 })]));
    const east = (await (await t.as('east@test.cn')).get('/api/compliance/summary')).json();
    expect(east.totals.schools).toBe(1);
  });

  it('still does while its final review is open, and no longer once it is decided', async () => {
    const hq = await t.as('hq@test.cn');
    const opened = await hq.post('/api/evaluations', { agreementId: pastTerm, year: 3 });
    expect(opened.statusCode, opened.body).toBe(201);
    expect((await currentRows()).map((r) => r.agreementId)).toEqual([pastTerm, emptyCollege]);
    const { id, version } = opened.json();
    const decided = await hq.post(`/api/evaluations/${id}/actions/decide`, { version, decision: 'not_renew', reason: '期满不再续约' });
    expect(decided.statusCode, decided.body).toBe(200);
    expect((await currentRows()).map((r) => r.agreementId)).toEqual([emptyCollege]);
    expect((await hq.get('/api/compliance/summary')).json().totals.schools).toBe(1);
    const [last] = (await hq.get('/api/compliance', listQuery({ filter: { agreementId: pastTerm, year: 3 } }))).json();
    expect(last).toMatchObject({ current: false, awaitingFinalReview: false, asOf: '2025-05-31' });
  });
});

describe('an Industry College with no student enrolled in the year', () => {
  it('has no practice-hours value and does not meet it; teaching delivery has no value and is not failing', async () => {
    const [row] = (await (await t.as('hq@test.cn')).get('/api/compliance', listQuery({ filter: { agreementId: emptyCollege } }))).json();
    expect(row.enrolledStudents).toBe(0);
    expect(row.kpis.practiceHours).toMatchObject({ value: null, threshold: 160, met: false });
    expect(row.kpis.teachingDelivery).toMatchObject({ value: null, met: true });
    expect(row.failingKpis).toContain('practiceHours');
    expect(row.failingKpis).not.toContain('teachingDelivery');
    if (row.projection.status === 'projected') expect(row.kpis.practiceHours.projectedMet).toBe(false);
  });
});

describe('the maintained summaries', () => {
  it('equal a full recomputation', async () => {
    const { before, after } = await summariesBeforeAndAfterFullRecomputation(t.database.db);
    expect(after).toEqual(before);
  });
});
