import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { createTestDatabase } from '../../../test/test-database.js';
import type { Database } from '../../db/client.js';
import { bulkJobs } from '../../db/schema/index.js';
import { ABANDONED_JOB_ERROR, failAbandonedBulkJobs } from './abandoned-bulk-jobs.js';

/** Issue 14 item 3: a bulk job whose process died is marked failed at the next start, not `running` forever. */
let database: Database;
beforeAll(async () => { database = await createTestDatabase(); });
afterAll(async () => { await database?.close(); });

describe('bulk jobs left running by a process that died', () => {
  it('are failed at start (every running one embedded; on a server those whose heartbeat stopped), finished ones untouched', async () => {
    const [dead] = await database.db.insert(bulkJobs).values({ kind: 'open_evaluations', total: 900, done: 500, heartbeatAt: sql`now() - interval '1 hour'` }).returning();
    const [alive] = await database.db.insert(bulkJobs).values({ kind: 'open_evaluations', total: 900, done: 100 }).returning();
    const [finished] = await database.db.insert(bulkJobs).values({ kind: 'open_evaluations', total: 5, done: 5, status: 'done', heartbeatAt: sql`now() - interval '1 day'` }).returning();
    const failed = await failAbandonedBulkJobs(database);
    const status = async (id: number) => (await database.db.select().from(bulkJobs).where(eq(bulkJobs.id, id)))[0];
    expect(await status(dead.id)).toMatchObject({ status: 'failed', error: ABANDONED_JOB_ERROR, done: 500 });
    expect((await status(dead.id)).finishedAt).not.toBeNull();
    // Another live process's job on a server keeps running; embedded, no other process can exist.
    expect((await status(alive.id)).status).toBe(database.kind === 'embedded' ? 'failed' : 'running');
    expect(failed).toBe(database.kind === 'embedded' ? 2 : 1);
    expect((await status(finished.id)).status).toBe('done');
  });
});
