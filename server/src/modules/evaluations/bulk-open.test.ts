import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../../../test/test-app.js';
import { act } from '../../../test/application-builders.js';
import { agreements, complianceSummaries, evaluations } from '../../db/schema/index.js';
import { todayInChina } from '@campus/common';
import { ensureComplianceFresh } from '../compliance/recompute.js';
import { daysAgo } from '../../../test/days.js';
import { runBulkOpen } from '../../../test/bulk-open.js';

/** issue 19 item 1: the bulk opening opens every ended year, and names each year it did not open, and why. */
let t: TestContext;
const today = todayInChina();

beforeAll(async () => {
  t = await createTestApp();
  await ensureComplianceFresh(t.database.db, today); // the day's refresh has run before the agreements change
});
afterAll(async () => { await t?.close(); });


describe('bulk opening of evaluations', () => {
  it('opens the ended years of an agreement activated today with an inspection two years back', async () => {
    const hq = await t.as('hq@test.cn');
    const [a] = await t.database.db.insert(agreements).values({
      schoolId: t.fixture.schools.southA.id, tier: 'talent_base', status: 'pending_inspection', termYears: 3, signedOn: daysAgo(760),
      createdAt: new Date(`${daysAgo(770)}T10:00:00+08:00`),
    }).returning();
    const passed = await act(hq, 'agreements', a.id, 'pass_inspection', { on: daysAgo(750), checklist: { instructorsInPlace: true, resourcesConfigured: true } });
    expect(passed.statusCode, passed.body).toBe(200);
    const job = await runBulkOpen(hq);
    expect(job).toMatchObject({ status: 'done', total: 2, done: 2, result: { opened: 2, skipped: [] } });
    const opened = await t.database.db.select({ year: evaluations.year }).from(evaluations).where(eq(evaluations.agreementId, a.id));
    expect(opened.map((e) => e.year).sort()).toEqual([1, 2]);
  });

  it('names each ended year it did not open, with the reason', async () => {
    const hq = await t.as('hq@test.cn');
    const [a] = await t.database.db.insert(agreements).values({ schoolId: t.fixture.schools.eastB.id, tier: 'pilot_1x', status: 'active', startDate: daysAgo(800), termYears: 3 }).returning();
    await ensureComplianceFresh(t.database.db, today);
    const { recomputeSchools } = await import('../compliance/recompute.js');
    await t.database.db.transaction((tx) => recomputeSchools(tx, [t.fixture.schools.eastB.id], today));
    // Year 2's compliance row is missing (as after an agreement change that did not refresh it).
    await t.database.db.delete(complianceSummaries).where(and(eq(complianceSummaries.agreementId, a.id), eq(complianceSummaries.year, 2)));
    const job = await runBulkOpen(hq);
    expect(job).toMatchObject({ status: 'done', total: 2, done: 2 });
    expect(job.result.opened).toBe(1);
    expect(job.result.skipped).toEqual([
      { agreementId: a.id, year: 2, schoolId: t.fixture.schools.eastB.id, reason: 'no_compliance_row', message: expect.stringMatching(/compliance/) },
    ]);
  });
});
