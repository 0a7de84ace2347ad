import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, listQuery, type Client, type TestContext } from '../../../test/test-app.js';
import { act } from '../../../test/application-builders.js';
import { summariesBeforeAndAfterFullRecomputation } from '../../../test/compliance-check.js';
import { agreements, evaluations } from '../../db/schema/index.js';
import { todayInChina } from '@campus/common';
import { ensureComplianceFresh } from '../compliance/recompute.js';
import { daysAgo } from '../../../test/days.js';
import { runBulkOpen } from '../../../test/bulk-open.js';

/**
 * issue 13 item 5: an agreement change recomputes the school's compliance in its transaction: a
 * newly active agreement has its current compliance row at once, the bulk opening opens its ended
 * years, and the stored rows equal a full recomputation.
 */
let t: TestContext;
const today = todayInChina();

beforeAll(async () => {
  t = await createTestApp();
  await ensureComplianceFresh(t.database.db, today); // the day's refresh has run before any agreement changes
});
afterAll(async () => { await t?.close(); });

async function currentRows(hq: Client, agreementId: number) {
  const res = await hq.get('/api/compliance', listQuery({ filter: { current: true } }));
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { agreementId: number; year: number }[]).filter((r) => r.agreementId === agreementId);
}


describe('compliance follows every agreement change', () => {
  it('an agreement activated by its inspection, 400 days back, has its current row at once, and bulk opening opens its ended year', async () => {
    const hq = await t.as('hq@test.cn');
    const [a] = await t.database.db.insert(agreements).values({
      schoolId: t.fixture.schools.eastA.id, tier: 'talent_base', status: 'pending_inspection', termYears: 3, signedOn: daysAgo(420),
      createdAt: new Date(`${daysAgo(430)}T10:00:00+08:00`),
    }).returning();
    const passed = await act(hq, 'agreements', a.id, 'pass_inspection', { on: daysAgo(400), checklist: { instructorsInPlace: true, resourcesConfigured: true } });
    expect(passed.statusCode, passed.body).toBe(200);
    expect(await currentRows(hq, a.id)).toEqual([expect.objectContaining({ agreementId: a.id, year: 2 })]);
    const job = await runBulkOpen(hq);
    expect(job.result.skipped).toEqual([]);
    const opened = await t.database.db.select({ year: evaluations.year }).from(evaluations).where(eq(evaluations.agreementId, a.id));
    expect(opened.map((e) => e.year)).toEqual([1]);
    const { before, after } = await summariesBeforeAndAfterFullRecomputation(t.database.db);
    expect(before).toEqual(after);
  });

  it('a terminated agreement leaves the current rows, and the stored rows equal a full recomputation', async () => {
    const hq = await t.as('hq@test.cn');
    const [a] = await t.database.db.insert(agreements).values({
      schoolId: t.fixture.schools.southA.id, tier: 'partner_school', status: 'rectifying', termYears: 3, startDate: daysAgo(200),
      rectificationNotice: '整改', rectificationDeadline: daysAgo(-30), rectificationKpis: ['jobFairs'],
    }).returning();
    await ensureComplianceFresh(t.database.db, today);
    const { recomputeSchools } = await import('../compliance/recompute.js');
    await t.database.db.transaction((tx) => recomputeSchools(tx, [t.fixture.schools.southA.id], today));
    expect(await currentRows(hq, a.id)).toHaveLength(1);
    const ended = await act(hq, 'agreements', a.id, 'terminate', { comment: '未整改' });
    expect(ended.statusCode, ended.body).toBe(200);
    const { before, after } = await summariesBeforeAndAfterFullRecomputation(t.database.db);
    expect(before).toEqual(after);
  });
});
