import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../../../test/test-app.js';
import { agreements, auditEvents, evaluations } from '../../db/schema/index.js';
import { todayInChina } from '@campus/common';
import { ensureComplianceFresh, recomputeSchools } from '../compliance/recompute.js';
import { daysAgo } from '../../../test/days.js';

/** issue 17 item 2: HQ selects ended agreement years and opens their evaluations in one action. */
let t: TestContext;
const today = todayInChina();

beforeAll(async () => {
  t = await createTestApp();
  await ensureComplianceFresh(t.database.db, today);
});
afterAll(async () => { await t?.close(); });

/** An active agreement of `schoolId` that began `days` ago, with its compliance rows computed. */
async function liveAgreement(schoolId: number, days: number, termYears = 3) {
  const [a] = await t.database.db.insert(agreements).values({ schoolId, tier: 'pilot_1x', status: 'active', startDate: daysAgo(days), termYears }).returning();
  await t.database.db.transaction((tx) => recomputeSchools(tx, [schoolId], today));
  return a;
}

describe('opening selected evaluations', () => {
  it('lists the ended years without an evaluation, and opens the selected ones in one action, each audited', async () => {
    const hq = await t.as('hq@test.cn');
    const a = await liveAgreement(t.fixture.schools.eastA.id, 800);
    const listed = await hq.get('/api/evaluations/awaiting?tier=pilot_1x');
    expect(listed.statusCode, listed.body).toBe(200);
    const mine = listed.json().rows.filter((r: { agreementId: number }) => r.agreementId === a.id);
    expect(mine.map((r: { year: number; kind: string; schoolName: string }) => [r.year, r.kind, r.schoolName])).toEqual([[1, 'annual', '浙江金融职业学院'], [2, 'annual', '浙江金融职业学院']]);
    expect(listed.json().total).toBeGreaterThanOrEqual(2);

    const res = await hq.post('/api/evaluations/bulk/open', { items: mine.map((r: { agreementId: number; year: number }) => ({ agreementId: r.agreementId, year: r.year })) });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ opened: 2, skipped: [] });

    const opened = await t.database.db.select().from(evaluations).where(eq(evaluations.agreementId, a.id));
    expect(opened.map((e) => [e.year, e.status, e.kind]).sort()).toEqual([[1, 'open', 'annual'], [2, 'open', 'annual']]);
    const audited = await t.database.db.select().from(auditEvents)
      .where(and(eq(auditEvents.entityType, 'evaluation'), inArray(auditEvents.entityId, opened.map((e) => e.id)), eq(auditEvents.action, 'open')));
    expect(audited).toHaveLength(2);
    expect(audited.every((e) => (e.data as { bulk?: boolean }).bulk === true)).toBe(true);
    // Opened years are no longer waiting.
    const after = (await hq.get('/api/evaluations/awaiting?tier=pilot_1x')).json().rows;
    expect(after.some((r: { agreementId: number }) => r.agreementId === a.id)).toBe(false);
  });

  it('names each selected year it did not open, with the reason, and opens the others', async () => {
    const hq = await t.as('hq@test.cn');
    const a = await liveAgreement(t.fixture.schools.southA.id, 400);
    // Year 1 has ended, year 2 has not; year 1 again is the same year once.
    const res = await hq.post('/api/evaluations/bulk/open', { items: [{ agreementId: a.id, year: 1 }, { agreementId: a.id, year: 2 }, { agreementId: a.id, year: 1 }] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ opened: 1, skipped: [{ agreementId: a.id, year: 2, reason: 'not_ended' }] });
    const again = await hq.post('/api/evaluations/bulk/open', { items: [{ agreementId: a.id, year: 1 }] });
    expect(again.json()).toMatchObject({ opened: 0, skipped: [{ agreementId: a.id, year: 1, reason: 'already_evaluated' }] });
  });

  it('an agreement that does not exist refuses the whole selection: nothing is opened', async () => {
    const hq = await t.as('hq@test.cn');
    const a = await liveAgreement(t.fixture.schools.northA.id, 800);
    const res = await hq.post('/api/evaluations/bulk/open', { items: [{ agreementId: a.id, year: 1 }, { agreementId: 999_999, year: 1 }] });
    expect(res.statusCode, res.body).toBe(404);
    expect(res.json().details).toEqual([expect.objectContaining({ field: 'items', code: 'not_found', params: { entity: 'agreement', id: 999_999 } })]);
    expect(await t.database.db.select().from(evaluations).where(eq(evaluations.agreementId, a.id))).toHaveLength(0);
  });

  it('only HQ opens evaluations; a bad selection is a 400', async () => {
    const regional = await t.as('east@test.cn');
    expect((await regional.post('/api/evaluations/bulk/open', { items: [{ agreementId: 1, year: 1 }] })).statusCode).toBe(403);
    expect((await regional.get('/api/evaluations/awaiting')).statusCode).toBe(403);
    const hq = await t.as('hq@test.cn');
    expect((await hq.post('/api/evaluations/bulk/open', { items: [] })).statusCode).toBe(400);
    expect((await hq.get('/api/evaluations/awaiting?tier=gold')).statusCode).toBe(400);
  });
});
