import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDatabase } from '../../../test/test-database.js';
import type { Database } from '../../db/client.js';
import { queryRows } from '../../db/raw.js';
import { ensureComplianceFresh, resetFreshnessMark } from '../compliance/recompute.js';
import { withJobLease } from './job-lease.js';

/**
 * Issue 14 item 2: scheduled work runs in one process at a time, never twice: the daily refresh (and
 * its deadline notices) run only under their job's lease.
 */
let database: Database;
beforeAll(async () => { database = await createTestDatabase(); });
afterAll(async () => { await database?.close(); });

describe('a job lease', () => {
  it('runs the work of one asker at a time; a second asker meanwhile does not run it; after release the next one does', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => { release = resolve; });
    let started!: () => void;
    const running = new Promise<void>((resolve) => { started = resolve; });
    const first = withJobLease(database.db, 'test-job', 60, async () => { started(); await gate; return 'first'; });
    await running;
    expect(await withJobLease(database.db, 'test-job', 60, async () => 'second')).toEqual({ ran: false });
    release();
    expect(await first).toEqual({ ran: true, value: 'first' });
    expect(await withJobLease(database.db, 'test-job', 60, async () => 'third')).toEqual({ ran: true, value: 'third' });
  });

  it('is released when the work fails, and a dead holder\'s lease is taken over once it has expired', async () => {
    await expect(withJobLease(database.db, 'failing-job', 60, async () => { throw new Error('boom'); })).rejects.toThrow('boom');
    expect(await withJobLease(database.db, 'failing-job', 60, async () => 'after a failure')).toEqual({ ran: true, value: 'after a failure' });
    await database.db.execute(sql`INSERT INTO job_leases (job, holder, expires_at) VALUES ('dead-job', 'a process that died', now() + interval '1 hour')`);
    expect(await withJobLease(database.db, 'dead-job', 60, async () => 'too early')).toEqual({ ran: false });
    await database.db.execute(sql`UPDATE job_leases SET expires_at = now() - interval '1 second' WHERE job = 'dead-job'`);
    expect(await withJobLease(database.db, 'dead-job', 60, async () => 'taken over')).toEqual({ ran: true, value: 'taken over' });
  });
});

describe('the daily refresh', () => {
  const refreshedOn = async (day: string) =>
    (await queryRows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM compliance_refreshes WHERE day = ${day}::date`))[0].n;

  it('leaves the day to the process holding its lease, and runs once that lease has ended', async () => {
    const day = '2030-03-01';
    resetFreshnessMark();
    await database.db.execute(sql`INSERT INTO job_leases (job, holder, expires_at) VALUES ('daily-refresh', 'another process', now() + interval '1 hour')`);
    await ensureComplianceFresh(database.db, day);
    expect(await refreshedOn(day)).toBe(0);
    await database.db.execute(sql`DELETE FROM job_leases WHERE job = 'daily-refresh'`);
    await ensureComplianceFresh(database.db, day);
    expect(await refreshedOn(day)).toBe(1);
  });
});
