import { and, eq, lt, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { bulkJobs } from '../../db/schema/index.js';

/** A running job's heartbeat older than this belongs to a process that died (a batch takes seconds). */
export const BULK_JOB_STALE_SECONDS = 300;
export const ABANDONED_JOB_ERROR = 'The server process running this job stopped; the evaluations opened so far are kept. Start it again to open the rest.';

/**
 * At start-up: a bulk job still `running` whose process died is marked failed, so the UI stops showing
 * it as running and HQ can start it again. On the embedded database this process is the only one (the
 * folder's lock), so every running job is abandoned; on a server, those whose heartbeat stopped.
 */
export async function failAbandonedBulkJobs(database: Database, staleSeconds = BULK_JOB_STALE_SECONDS): Promise<number> {
  const abandoned = database.kind === 'embedded'
    ? eq(bulkJobs.status, 'running')
    : and(eq(bulkJobs.status, 'running'), lt(bulkJobs.heartbeatAt, sql`now() - make_interval(secs => ${staleSeconds})`));
  const failed = await database.db.update(bulkJobs).set({ status: 'failed', error: ABANDONED_JOB_ERROR, finishedAt: sql`now()` })
    .where(abandoned).returning({ id: bulkJobs.id });
  return failed.length;
}
