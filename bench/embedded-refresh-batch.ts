/**
 * What the embedded database's one connection is held for by the compliance summaries' own writes at
 * a given size (issue 15 item 4): one batch of the daily refresh (recomputeAll recomputes 200 schools
 * per transaction on PostgreSQL, EMBEDDED_RECOMPUTE_BATCH on the embedded database: both timed) and a
 * fact write's recompute of one school, on an embedded data folder (the server
 * stopped: the folder is one process's). Writes the same summaries again; nothing else changes.
 *   node --import tsx bench/embedded-refresh-batch.ts --data-dir D [--out embedded-refresh-4000]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { openDatabase } from '@campus/server/db/client.js';
import { queryRows } from '@campus/server/db/raw.js';
import { EMBEDDED_RECOMPUTE_BATCH, recomputeSchools } from '@campus/server/modules/compliance/recompute.js';
import { todayInChina } from '@campus/common';

const { values } = parseArgs({ options: { 'data-dir': { type: 'string' }, out: { type: 'string' } } });
if (!values['data-dir']) throw new Error('usage: --data-dir D (an embedded data folder, D/pg)');
const dataDir = path.resolve(values['data-dir']);
const database = await openDatabase({ dataDir: path.join(dataDir, 'pg') });
const today = todayInChina();
const schoolIds = (await queryRows<{ id: number }>(database.db, sql`SELECT DISTINCT school_id AS id FROM agreements WHERE start_date IS NOT NULL ORDER BY 1`)).map((r) => Number(r.id));
const timed = async (ids: number[]) => {
  const t0 = performance.now();
  await database.db.transaction((tx) => recomputeSchools(tx, ids, today));
  return Math.round(performance.now() - t0);
};
const half = Math.floor(schoolIds.length / 2);
const batchesOf200Ms = [await timed(schoolIds.slice(0, 200)), await timed(schoolIds.slice(half, half + 200))];
const embeddedBatches: number[] = [];
for (let i = 0; i < 5; i++) embeddedBatches.push(await timed(schoolIds.slice(half + i * EMBEDDED_RECOMPUTE_BATCH, half + (i + 1) * EMBEDDED_RECOMPUTE_BATCH)));
const oneSchoolMs = [await timed([schoolIds[1]]), await timed([schoolIds[half]]), await timed([schoolIds[half + 1]])];
await database.close();
const result = {
  date: new Date().toISOString(), dataDir, schoolsWithAgreements: schoolIds.length,
  machine: { cpus: os.cpus().length, loadAverage: os.loadavg().map((v) => Math.round(v * 100) / 100) },
  batchesOf200Ms, oneSchoolMs, embeddedBatch: EMBEDDED_RECOMPUTE_BATCH, embeddedBatchesMs: embeddedBatches,
  dailyRefreshEstimateS: Math.round(((batchesOf200Ms[0] + batchesOf200Ms[1]) / 2) * (schoolIds.length / 200) / 1000),
};
console.log(JSON.stringify(result, null, 2));
if (values.out) fs.writeFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'results', `${values.out}.json`), `${JSON.stringify(result, null, 2)}\n`);
