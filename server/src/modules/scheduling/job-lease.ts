import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { queryRows } from '../../db/raw.js';

export type LeaseOutcome<T> = { ran: true; value: T } | { ran: false };

/**
 * Runs `work` only if this call gets the job's lease: one row per job in job_leases, taken when
 * absent or expired, released when the work ends (also when it fails). Another process (or another
 * call in this one) asking meanwhile gets `{ ran: false }` and leaves the work to the holder. A holder
 * that dies keeps the lease until `leaseSeconds` pass; then the next asker takes it over. Each call is
 * its own holder, so the same works on PGlite and on PostgreSQL with any number of processes.
 */
export async function withJobLease<T>(db: Executor, job: string, leaseSeconds: number, work: () => Promise<T>): Promise<LeaseOutcome<T>> {
  const holder = crypto.randomUUID();
  const taken = await queryRows<{ holder: string }>(db, sql`
    INSERT INTO job_leases (job, holder, expires_at) VALUES (${job}, ${holder}, now() + make_interval(secs => ${leaseSeconds}))
    ON CONFLICT (job) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
    WHERE job_leases.expires_at < now()
    RETURNING holder`);
  if (!taken.length) return { ran: false };
  try {
    return { ran: true, value: await work() };
  } finally {
    await db.execute(sql`DELETE FROM job_leases WHERE job = ${job} AND holder = ${holder}`);
  }
}
