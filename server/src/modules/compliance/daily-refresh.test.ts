import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../../../test/test-app.js';
import { agreements, complianceSummaries, jobFairs } from '../../db/schema/index.js';
import { todayInChina } from '@campus/common';
import { fixClock } from '@campus/common';
import { ensureComplianceFresh, resetFreshnessMark } from './recompute.js';

// issue 19 item 7 / DOMAIN.md "KPI edge rules": the daily refresh runs for each calendar day in Asia/Shanghai
// exactly once; a clock that was once ahead does not suppress it.
let t: TestContext;
let agreementId: number;

/** What the server's scheduler does (server.ts): refresh for the day the clock says it is. */
const scheduledRefresh = () => ensureComplianceFresh(t.database.db, todayInChina());

async function currentRow() {
  const [row] = await t.database.db.select().from(complianceSummaries).where(eq(complianceSummaries.agreementId, agreementId));
  return row;
}

beforeAll(async () => {
  fixClock('2026-03-01');
  resetFreshnessMark();
  t = await createTestApp();
  [{ id: agreementId }] = await t.database.db.insert(agreements).values({
    schoolId: t.fixture.schools.eastA.id, tier: 'talent_base', status: 'active', startDate: '2025-06-01', termYears: 3,
  }).returning();
});
afterAll(async () => {
  fixClock(undefined);
  resetFreshnessMark();
  await t?.close();
});

describe('the daily refresh', () => {
  it('runs again when the clock comes back from a day ahead, and once a day', async () => {
    await scheduledRefresh();
    expect(await currentRow()).toMatchObject({ asOf: '2026-03-01', computedFor: '2026-03-01', jobFairs: 0 });

    // The clock runs ahead for a while: rows are computed for that future day.
    fixClock('2026-04-15');
    await scheduledRefresh();
    expect(await currentRow()).toMatchObject({ asOf: '2026-04-15', computedFor: '2026-04-15' });

    // Back to the right day: the rows computed for the future are not served; they are refreshed.
    fixClock('2026-03-02');
    await scheduledRefresh();
    expect(await currentRow()).toMatchObject({ asOf: '2026-03-02', computedFor: '2026-03-02' });

    // Once a day: a second process starting the same day does not refresh again (a fact written
    // behind the product's back stays unseen until the next day's refresh).
    await t.database.db.insert(jobFairs).values({ schoolId: t.fixture.schools.eastA.id, title: '招聘会', heldOn: '2026-03-01' });
    resetFreshnessMark();
    await scheduledRefresh();
    expect(await currentRow()).toMatchObject({ computedFor: '2026-03-02', jobFairs: 0 });

    // The day the clock once showed comes for real: it is refreshed then, too.
    fixClock('2026-04-15');
    await scheduledRefresh();
    expect(await currentRow()).toMatchObject({ asOf: '2026-04-15', computedFor: '2026-04-15', jobFairs: 1 });
  });
});
