import { sql } from 'drizzle-orm';
import type { Db } from '../src/db/client.js';
import { queryRows } from '../src/db/raw.js';
import { recomputeAll } from '../src/modules/compliance/recompute.js';
import { todayInChina } from '@campus/common';

/** The stored compliance summaries, without the time they were written. */
export async function storedSummaries(db: Db) {
  const rows = await queryRows<Record<string, unknown>>(db, sql`SELECT * FROM compliance_summaries ORDER BY agreement_id, year`);
  return rows.map(({ computed_at: _a, ...rest }) => rest);
}

/** The stored summaries before and after a full recomputation of every school (they must be equal). */
export async function summariesBeforeAndAfterFullRecomputation(db: Db, today = todayInChina()) {
  const before = await storedSummaries(db);
  await recomputeAll(db, today);
  const after = await storedSummaries(db);
  return { before, after };
}
