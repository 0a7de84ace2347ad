import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { bulkJobs } from '../../db/schema/index.js';
import { notFound } from '../../lib/errors.js';

/** A bulk opening's progress and result (404 when there is no such job). */
export async function readBulkJob(db: Db, id: number) {
  const [job] = await db.select().from(bulkJobs).where(eq(bulkJobs.id, id));
  if (!job) throw notFound('job');
  return job;
}
