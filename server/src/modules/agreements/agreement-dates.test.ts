import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../../../test/test-app.js';
import { agreements, applications } from '../../db/schema/index.js';
import { daysAgo } from '../../../test/days.js';

/** issue 19 item 4: approval ≤ signing ≤ plaque ceremony ≤ inspection ≤ today (DOMAIN.md "KPI edge rules"). */
let t: TestContext;
let college: number;
let base: number;

beforeAll(async () => {
  t = await createTestApp();
  const { eastA, southA } = t.fixture.schools;
  // Approved by HQ 100 days ago (the application's decision), the agreement created then.
  const [app] = await t.database.db.insert(applications).values({
    schoolId: eastA.id, tier: 'industry_college', status: 'approved', plan: {}, pledge: true, decidedAt: new Date(`${daysAgo(100)}T15:00:00+08:00`),
  }).returning();
  const [a, b] = await t.database.db.insert(agreements).values([
    { schoolId: eastA.id, applicationId: app.id, tier: 'industry_college', status: 'pending_signing', termYears: 3, createdAt: new Date(`${daysAgo(100)}T15:00:00+08:00`) },
    // No application: the agreement's creation is its approval.
    { schoolId: southA.id, tier: 'talent_base', status: 'pending_signing', termYears: 3, createdAt: new Date(`${daysAgo(80)}T09:00:00+08:00`) },
  ]).returning();
  college = a.id;
  base = b.id;
});
afterAll(async () => { await t?.close(); });

async function post(id: number, action: string, body: Record<string, unknown>) {
  const [row] = await t.database.db.select().from(agreements).where(eq(agreements.id, id));
  return (await t.as('hq@test.cn')).post(`/api/agreements/${id}/actions/${action}`, { version: row.version, ...body });
}
async function refused(id: number, action: string, body: Record<string, unknown>, message: RegExp) {
  const [before] = await t.database.db.select().from(agreements).where(eq(agreements.id, id));
  const res = await post(id, action, body);
  expect(res.statusCode, res.body).toBe(400);
  expect(res.json().details).toEqual([{ field: 'on', code: expect.stringMatching(/^step_date_/), params: expect.objectContaining({ step: expect.any(String) }), message: expect.stringMatching(message) }]);
  const [after] = await t.database.db.select().from(agreements).where(eq(agreements.id, id));
  expect(after).toEqual(before);
}
const inspected = { checklist: { instructorsInPlace: true, resourcesConfigured: true } };

describe('the dates of an agreement\'s path are in order', () => {
  it('an Industry College: signing after approval, ceremony after signing, inspection after the ceremony', async () => {
    await refused(college, 'sign', { on: daysAgo(101) }, /approv/);
    expect((await post(college, 'sign', { on: daysAgo(100) })).statusCode).toBe(200);
    await refused(college, 'hold_plaque_ceremony', { on: daysAgo(101), place: '报告厅' }, /sign/);
    expect((await post(college, 'hold_plaque_ceremony', { on: daysAgo(60), place: '报告厅' })).statusCode).toBe(200);
    await refused(college, 'fail_inspection', { on: daysAgo(61), missing: ['实训平台'] }, /ceremony/);
    await refused(college, 'pass_inspection', { on: daysAgo(800), ...inspected }, /ceremony/);
    await refused(college, 'pass_inspection', { on: daysAgo(-1), ...inspected }, /future/);
    const active = await post(college, 'pass_inspection', { on: daysAgo(60), ...inspected });
    expect(active.statusCode, active.body).toBe(200);
    expect(active.json()).toMatchObject({ status: 'active', startDate: daysAgo(60) });
  });

  it('a Talent Base: an inspection before the signing is refused and moves nothing', async () => {
    await refused(base, 'sign', { on: daysAgo(81) }, /approv/);
    expect((await post(base, 'sign', { on: daysAgo(30) })).statusCode).toBe(200);
    await refused(base, 'pass_inspection', { on: daysAgo(760), ...inspected }, /sign/);
    const active = await post(base, 'pass_inspection', { on: daysAgo(30), ...inspected });
    expect(active.json()).toMatchObject({ status: 'active', startDate: daysAgo(30) });
  });
});
