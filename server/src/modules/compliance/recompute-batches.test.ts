import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../../../test/test-app.js';
import { agreements, schools } from '../../db/schema/index.js';
import type { Db } from '../../db/client.js';
import { DEFAULT_RECOMPUTE_BATCH, EMBEDDED_RECOMPUTE_BATCH, recomputeAll, recomputeBatchOf } from './recompute.js';

// issue 15 item 4: the embedded database is one connection, and every request waits for the statement under way. The
// daily refresh recomputes every school; in one transaction of 200 schools it held everyone 10-15 s at 4,000 schools.
let t: TestContext;
const today = '2026-03-01';

beforeAll(async () => {
  t = await createTestApp();
  const added = await t.database.db.insert(schools).values(Array.from({ length: 45 }, (_, i) => ({
    name: `批量重算学校${i}`, regionId: t.fixture.schools.eastA.regionId, province: '浙江', tier: 'talent_base' as const, status: 'partner' as const,
  }))).returning({ id: schools.id });
  await t.database.db.insert(agreements).values(added.map(({ id }) => ({
    schoolId: id, tier: 'talent_base' as const, status: 'active' as const, startDate: '2025-06-01', termYears: 3,
  })));
});
afterAll(async () => {
  await t?.close();
});

/** The database, recording when each transaction holds it and ends. */
function recording(db: Db, events: string[]): Db {
  let n = 0;
  return new Proxy(db, {
    get(target, property) {
      if (property === 'transaction') {
        return async (fn: (tx: unknown) => Promise<unknown>) => {
          const batch = ++n;
          try {
            return await target.transaction(async (tx) => {
              events.push(`batch ${batch}`);
              return fn(tx);
            });
          } finally {
            events.push(`end ${batch}`);
          }
        };
      }
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

describe('the full recompute (the daily refresh)', () => {
  it('is set to small batches on the embedded database at start-up, and keeps batches of 200 on PostgreSQL', () => {
    expect(recomputeBatchOf(t.database.db)).toBe(t.database.kind === 'embedded' ? EMBEDDED_RECOMPUTE_BATCH : DEFAULT_RECOMPUTE_BATCH);
    expect(EMBEDDED_RECOMPUTE_BATCH).toBeLessThan(DEFAULT_RECOMPUTE_BATCH);
  });

  it('runs a batch per transaction, and a read asked for during the first batch is answered before the refresh ends', async () => {
    const events: string[] = [];
    const db = recording(t.database.db, events);
    const refresh = recomputeAll(db, today, { batch: EMBEDDED_RECOMPUTE_BATCH }).then((result) => {
      events.push('refresh done');
      return result;
    });
    // The read is asked for once the first batch holds the database.
    while (!events.includes('batch 1')) await new Promise((resolve) => setImmediate(resolve));
    const read = t.database.db.execute(sql`SELECT count(*) FROM schools`).then(() => events.push('read'));
    const [{ schools: recomputed }] = await Promise.all([refresh, read]);

    expect(recomputed).toBeGreaterThanOrEqual(45);
    const batches = events.filter((e) => e.startsWith('batch ')).length;
    expect(batches).toBe(Math.ceil(recomputed / EMBEDDED_RECOMPUTE_BATCH));
    // Answered before the last batch ended (on the embedded database: between two batches), not after the refresh.
    expect(events.indexOf('read')).toBeLessThan(events.indexOf(`end ${batches}`));
  });
});
