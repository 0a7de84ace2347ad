import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInChina } from '@campus/common';
import { createTestDatabase } from '../../../test/test-database.js';
import type { Database } from '../../db/client.js';
import { complianceRefreshes } from '../../db/schema/index.js';
import { ensureComplianceFresh } from './recompute.js';

/**
 * The in-process "refreshed today" mark belongs to one database. A process that holds two (the test
 * workers, which run many files, each with its own database, in one module graph) refreshes each on
 * its first read of the day: the first database's refresh does not count for the second.
 */
let first: Database;
let second: Database;
beforeAll(async () => { first = await createTestDatabase(); second = await createTestDatabase(); });
afterAll(async () => { await first?.close(); await second?.close(); });

describe('the daily refresh mark', () => {
  it('is kept per database', async () => {
    const today = todayInChina();
    await ensureComplianceFresh(first.db, today);
    expect((await first.db.select().from(complianceRefreshes)).map((r) => r.day)).toEqual([today]);
    await ensureComplianceFresh(second.db, today);
    expect((await second.db.select().from(complianceRefreshes)).map((r) => r.day)).toEqual([today]);
  });
});
