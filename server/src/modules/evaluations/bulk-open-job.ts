import { eq, sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../db/client.js';
import { bulkJobs } from '../../db/schema/index.js';
import type { Actor, Scope } from '@campus/common';
import { ensureComplianceFresh } from '../compliance/recompute.js';
import { openEvaluationBatch, yearsAwaitingEvaluation, type SkippedYear } from './open-evaluations.js';

const BATCH = 500;

/**
 * Opens the evaluations of every agreement year that has ended, in batches, recording progress in
 * bulk_jobs so that the UI (on any server process) can show it. Returns the job at once. Its result
 * names every listed year it did not open, with the reason (`skipped`): `opened + skipped = total`.
 */
export async function startBulkOpen(db: Db, actor: Actor, scope: Scope, today: string, filter: { tier?: string[]; regionId?: number[] }, log: FastifyBaseLogger) {
  const pending = await yearsAwaitingEvaluation(db, today, filter);
  const [job] = await db.insert(bulkJobs).values({ kind: 'open_evaluations', total: pending.length, createdBy: actor.id }).returning();
  const run = async () => {
    const started = performance.now();
    let opened = 0;
    const skipped: SkippedYear[] = [];
    try {
      await ensureComplianceFresh(db, today);
      for (let i = 0; i < pending.length; i += BATCH) {
        const batch = pending.slice(i, i + BATCH);
        const result = await db.transaction((tx) => openEvaluationBatch(tx, actor, scope, batch, today));
        opened += result.opened;
        skipped.push(...result.skipped);
        await db.update(bulkJobs).set({ done: Math.min(i + BATCH, pending.length), heartbeatAt: sql`now()` }).where(eq(bulkJobs.id, job.id));
      }
      await db.update(bulkJobs).set({ status: 'done', done: pending.length, result: { opened, skipped, ms: Math.round(performance.now() - started) }, finishedAt: sql`now()` }).where(eq(bulkJobs.id, job.id));
    } catch (e) {
      log.error({ err: e, jobId: job.id }, 'bulk opening of evaluations failed');
      await db.update(bulkJobs).set({ status: 'failed', error: 'The job stopped; the evaluations opened so far are kept. Start it again to open the rest.', result: { opened, skipped }, finishedAt: sql`now()` }).where(eq(bulkJobs.id, job.id));
    }
  };
  const done = run();
  return { job, done };
}
