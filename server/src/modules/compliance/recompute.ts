import { setImmediate as nextTurn } from 'node:timers/promises';
import { and, asc, inArray, notInArray, sql } from 'drizzle-orm';
import type { Db, Executor, Tx } from '../../db/client.js';
import { complianceRefreshes, complianceSummaries, schools, tierPolicies } from '../../db/schema/index.js';
import { queryRows } from '../../db/raw.js';
import { computeKpiValues } from './kpi-values-sql.js';
import { toSummary } from './summary-rows.js';
import { sendDeadlineNotices } from '../notifications/deadline-notices.js';
import { withJobLease } from '../scheduling/job-lease.js';

const CHUNK = 500;

/**
 * Recomputes the compliance summaries of the given schools inside the caller's transaction. The
 * school rows are locked first (in id order), so that two writers of the same school's facts
 * recompute one after the other, the second seeing the first's facts. The lock is FOR NO KEY
 * UPDATE: the fact just written already holds its foreign key's KEY SHARE lock on the school row,
 * which FOR UPDATE would wait on, so two writers of one school would deadlock each other; NO KEY
 * UPDATE does not conflict with KEY SHARE, only with another NO KEY UPDATE (issue 11 item 3).
 */
export async function recomputeSchools(tx: Tx, schoolIds: number[], today: string) {
  const ids = [...new Set(schoolIds)].sort((a, b) => a - b);
  if (!ids.length) return 0;
  await tx.select({ id: schools.id }).from(schools).where(inArray(schools.id, ids)).orderBy(asc(schools.id)).for('no key update');
  const rows = await computeKpiValues(tx, { today, schoolIds: ids });
  const policies = new Map((await tx.select().from(tierPolicies)).map((p) => [p.id, p]));
  const summaries = rows.map((r) => toSummary(r, r.policyId ? policies.get(r.policyId) : undefined, today));
  const keep = summaries.map((s) => `${s.agreementId}-${s.year}`);
  await tx.delete(complianceSummaries).where(and(
    inArray(complianceSummaries.schoolId, ids),
    keep.length ? notInArray(complianceSummaries.id, keep) : undefined,
  ));
  for (let i = 0; i < summaries.length; i += CHUNK) {
    const chunk = summaries.slice(i, i + CHUNK);
    await tx.insert(complianceSummaries).values(chunk).onConflictDoUpdate({
      target: [complianceSummaries.agreementId, complianceSummaries.year],
      set: Object.fromEntries(Object.keys(chunk[0]).filter((k) => k !== 'agreementId' && k !== 'year')
        .map((k) => [k, sql.raw(`excluded.${k.replace(/[A-Z]/g, (m) => `_${m.toLowerCase()}`)}`)])),
    });
  }
  return summaries.length;
}

/** Schools that have (or had) a partnership whose years count. */
async function schoolsWithAgreements(db: Executor, tier?: string): Promise<number[]> {
  const rows = await queryRows<{ id: number }>(db, sql`SELECT DISTINCT school_id AS id FROM agreements WHERE start_date IS NOT NULL ${tier ? sql`AND tier = ${tier}` : sql``} ORDER BY 1`);
  return rows.map((r) => Number(r.id));
}

/**
 * Schools per transaction of a full recompute, per database. On PostgreSQL 200 (a fact write waits for one batch);
 * the embedded database is one connection, and every request waits for the batch under way: there it is set smaller
 * at start-up (setRecomputeBatch), so that at 4,000 schools no request waits the 10-15 s a batch of 200 took.
 */
const recomputeBatches = new WeakMap<Db, number>();
export const DEFAULT_RECOMPUTE_BATCH = 200;
export const EMBEDDED_RECOMPUTE_BATCH = 20;
export function setRecomputeBatch(db: Db, batch: number) {
  recomputeBatches.set(db, batch);
}
export const recomputeBatchOf = (db: Db) => recomputeBatches.get(db) ?? DEFAULT_RECOMPUTE_BATCH;

/**
 * Recomputes every school, a batch of schools per transaction so that fact writes wait briefly; between batches other
 * requests get a turn (on the embedded database their queries would otherwise queue behind the next batch).
 */
export async function recomputeAll(db: Db, today: string, opts: { tier?: string; batch?: number } = {}) {
  const ids = await schoolsWithAgreements(db, opts.tier);
  const batch = opts.batch ?? recomputeBatchOf(db);
  let rows = 0;
  for (let i = 0; i < ids.length; i += batch) {
    if (i > 0) await nextTurn();
    rows += await db.transaction((tx) => recomputeSchools(tx, ids.slice(i, i + batch), today));
  }
  if (!opts.tier) {
    await db.delete(complianceSummaries).where(ids.length ? notInArray(complianceSummaries.schoolId, ids) : undefined);
  }
  return { schools: ids.length, rows };
}

/** Recomputes the schools of one tier inside a transaction (after a tier policy edit). */
export async function recomputeTier(tx: Tx, tier: string, today: string) {
  return recomputeSchools(tx, await schoolsWithAgreements(tx, tier), today);
}

/**
 * The in-process refresh mark, per database: the day last refreshed and the refresh under way. Per
 * database, so that processes holding several (the tests: one per file, in one worker) do not take
 * one database's refresh for another's.
 */
interface FreshnessMark { refreshedFor?: string; running?: Promise<void> }
let marks = new WeakMap<Db, FreshnessMark>();
const markOf = (db: Db) => marks.get(db) ?? marks.set(db, {}).get(db)!;

/** The day of the last refresh: the latest recorded one, since none is ever recorded for a day after it. */
async function lastRefreshDay(db: Executor): Promise<string | null> {
  const [row] = await queryRows<{ day: string | null }>(db, sql`SELECT to_char(max(day), 'YYYY-MM-DD') AS day FROM compliance_refreshes`);
  return row?.day ?? null;
}

/** Longest a daily refresh is expected to take; a process that died holding it blocks the next one this long. */
const DAILY_REFRESH_LEASE_SECONDS = 30 * 60;

async function refresh(db: Db, today: string, mark: FreshnessMark) {
  // One process at a time refreshes (job_leases); one that finds another at it leaves the day to it
  // and asks again on its next call.
  const outcome = await withJobLease(db, 'daily-refresh', DAILY_REFRESH_LEASE_SECONDS, async () => {
    // Refreshed unless the last refresh was for today: a refresh recorded for a later day (a clock that
    // ran ahead) computed rows for a day that has not come, so it does not count for today either.
    if (await lastRefreshDay(db) === today) return;
    const started = performance.now();
    const { schools: n } = await recomputeAll(db, today);
    await sendDeadlineNotices(db, today);
    const ms = Math.round(performance.now() - started);
    await db.transaction(async (tx) => {
      // Forget the days refreshed ahead of time, so that each is refreshed again when it comes.
      await tx.delete(complianceRefreshes).where(sql`${complianceRefreshes.day} > ${today}::date`);
      await tx.insert(complianceRefreshes).values({ day: today, schools: n, ms })
        .onConflictDoUpdate({ target: complianceRefreshes.day, set: { schools: n, ms, refreshedAt: sql`now()` } });
    });
  });
  if (outcome.ran) mark.refreshedFor = today;
}

/**
 * The summaries depend on the day (the current year's as-of date, new agreement years), and so do
 * deadline notices. The first call of each day refreshes them all, once per database (recorded in
 * compliance_refreshes: refreshed when the last refresh was for another day, earlier or later, so
 * a clock that was once ahead does not suppress it); the server calls this at start-up and every
 * few minutes. Reads pass
 * `background`: once any refresh has ever run they are served at once (yesterday's as-of date for
 * the minutes the refresh takes) while the refresh runs, instead of waiting for it.
 */
export async function ensureComplianceFresh(db: Db, today: string, opts: { background?: boolean } = {}) {
  const mark = markOf(db);
  if (mark.refreshedFor === today) return;
  if (!mark.running) {
    mark.running = refresh(db, today, mark).finally(() => { mark.running = undefined; });
  }
  const current = mark.running;
  if (opts.background && mark.refreshedFor !== undefined) {
    current.catch(() => {});
    return;
  }
  await current;
}

/** Forgets the in-process refresh marks (tests that move "today"). */
export function resetFreshnessMark() {
  marks = new WeakMap();
}
