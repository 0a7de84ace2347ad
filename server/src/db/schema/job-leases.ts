import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Scheduled work (the daily refresh and deadline notices, the daily digest) runs in one process at a
 * time: the process that holds a job's lease runs it; a lease whose holder died ends at `expiresAt`
 * and the next process takes it over (modules/scheduling/job-lease.ts).
 */
export const jobLeases = pgTable('job_leases', {
  job: text().primaryKey(),
  holder: text().notNull(),
  expiresAt: timestamp({ withTimezone: true }).notNull(),
});
