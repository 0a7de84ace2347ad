/**
 * An embedded data folder (PGlite, as the server opens it under DATA_DIR) holding the same programme
 * as a PostgreSQL database made by `seed:scale`, copied table by table, for measuring the embedded
 * default at full scale (issue 15 item 4) without generating it again on PGlite (`seed:scale
 * --embedded` at 4,000 schools takes ~95 min of CPU; this copy takes a fraction: COPY needs no
 * generation, and the indexes are built once at the end).
 *
 * How: the folder is migrated by the server's own migrations (so its schema is the server's, not a
 * copy of PostgreSQL's); the rows the migrations wrote (reference data) are replaced; every
 * secondary index is dropped, each table of the public schema is copied with COPY (PostgreSQL's
 * `COPY (SELECT <columns>) TO STDOUT`, read through psql, streamed into PGlite's `COPY … FROM '/dev/blob'` in chunks of
 * whole rows, the columns both sides have, generated columns left to PGlite), with foreign-key
 * triggers off (session_replication_role = replica: the rows are a consistent copy of a database
 * that checked them); then the indexes are built again from their own definitions, the sequences
 * set to PostgreSQL's values, and the tables analysed.
 *
 *   nice -n 19 node --import tsx bench/embedded-from-postgres.ts --from postgres://postgres@127.0.0.1:5432/cp_bench15 --data-dir /tmp/emb4000
 *   node --import tsx bench/embedded-stall.ts --data-dir /tmp/emb4000 --out embedded-stall-4000
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import postgres from 'postgres';
import { openDatabase, runMigrations } from '@campus/server/db/client.js';

const { values: args } = parseArgs({ options: { from: { type: 'string' }, 'data-dir': { type: 'string' }, 'chunk-mb': { type: 'string' } } });
const from = args.from ?? process.env.DATABASE_URL;
if (!from || !args['data-dir']) throw new Error('usage: --from postgres://… --data-dir D (D/pg is made; it must not exist yet)');
const dataDir = path.resolve(args['data-dir']);
const pgDir = path.join(dataDir, 'pg');
if (fs.existsSync(pgDir)) throw new Error(`${pgDir} exists: choose a new folder`);
const chunkBytes = Number(args['chunk-mb'] ?? 32) * 1024 * 1024;

const started = performance.now();
const secs = (t0: number) => Math.round((performance.now() - t0) / 100) / 10;
const phases: Record<string, number> = {};
const source = postgres(from, { max: 1, onnotice: () => {} });
const database = await openDatabase({ dataDir: pgDir });
const pg = database.pglite!;
let t0 = performance.now();
await runMigrations(database);
phases['migrate'] = secs(t0);

type Col = { table: string; column: string };
const tablesOf = async (q: (s: string) => Promise<{ table: string }[]>) => (await q(
  `SELECT c.relname AS table FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'r' ORDER BY 1`)).map((r) => r.table);
const pgliteRows = async <T>(s: string) => (await pg.query<T>(s)).rows;
const sourceTables = new Set(await tablesOf((s) => source.unsafe(s) as Promise<{ table: string }[]>));
const tables = (await tablesOf((s) => pgliteRows<{ table: string }>(s))).filter((t) => sourceTables.has(t));
const columnsQuery = `SELECT table_name AS table, column_name AS column FROM information_schema.columns
  WHERE table_schema = 'public' AND is_generated = 'NEVER' ORDER BY table_name, ordinal_position`;
const sourceColumns = new Set(((await source.unsafe(columnsQuery)) as unknown as Col[]).map((c) => `${c.table}.${c.column}`));
const targetColumns = await pgliteRows<Col>(columnsQuery);

// Secondary indexes (not those behind a primary key or unique constraint): dropped now, built at the end.
const indexes = await pgliteRows<{ name: string; def: string }>(`
  SELECT i.indexname AS name, i.indexdef AS def FROM pg_indexes i
  WHERE i.schemaname = 'public' AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`);
await pg.exec(`SET session_replication_role = replica; SET maintenance_work_mem = '256MB';`);
await pg.exec(`TRUNCATE ${tables.map((t) => `"${t}"`).join(', ')} CASCADE`);
for (const i of indexes) await pg.exec(`DROP INDEX "${i.name}"`);

const rows: Record<string, number> = {};
t0 = performance.now();
for (const table of tables) {
  const cols = targetColumns.filter((c) => c.table === table && sourceColumns.has(`${c.table}.${c.column}`)).map((c) => `"${c.column}"`).join(', ');
  const t1 = performance.now();
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let n = 0;
  const flush = async (upTo: Buffer | null) => {
    if (!pendingBytes && !upTo) return;
    const blob = new Blob((upTo ? [...pending, upTo] : pending) as unknown as BlobPart[]);
    await pg.query(`COPY "${table}" (${cols}) FROM '/dev/blob'`, [], { blob });
    pending = [];
    pendingBytes = 0;
  };
  if (process.env.COPY_DEBUG) console.log(`${table}: copying`);
  // Read through psql: postgres.js's COPY stream now and then never ended on a small table here.
  const psql = spawn('psql', [from, '-X', '-v', 'ON_ERROR_STOP=1', '-c', `COPY (SELECT ${cols} FROM "${table}") TO STDOUT`], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<number | null>((resolve) => psql.on('close', resolve));
  for await (const chunk of psql.stdout as AsyncIterable<Buffer>) {
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) n++;
    pending.push(chunk);
    pendingBytes += chunk.length;
    if (pendingBytes >= chunkBytes) {
      // Up to the last whole row; the rest starts the next chunk.
      const all = Buffer.concat(pending);
      const end = all.lastIndexOf(10) + 1;
      pending = [];
      pendingBytes = 0;
      await flush(all.subarray(0, end));
      if (end < all.length) { pending = [all.subarray(end)]; pendingBytes = all.length - end; }
    }
  }
  if (await exited !== 0) throw new Error(`psql COPY of ${table} failed`);
  await flush(null);
  rows[table] = n;
  if (n) console.log(`${table}: ${n.toLocaleString('en')} rows, ${secs(t1)} s`);
}
phases['copy'] = secs(t0);

t0 = performance.now();
for (const i of indexes) {
  const t1 = performance.now();
  await pg.exec(i.def);
  console.log(`index ${i.name}: ${secs(t1)} s`);
}
phases['indexes'] = secs(t0);

t0 = performance.now();
const sequences = (await source.unsafe(`SELECT schemaname || '.' || sequencename AS name, last_value AS value FROM pg_sequences WHERE schemaname = 'public' AND last_value IS NOT NULL`)) as unknown as { name: string; value: string }[];
for (const s of sequences) await pg.query(`SELECT setval($1::regclass, $2::bigint)`, [s.name, s.value]);
await pg.exec(`SET session_replication_role = origin; ANALYZE;`);
phases['sequences + analyze'] = secs(t0);
phases['total'] = secs(started);
await database.close();
await source.end();

const result = { date: new Date().toISOString(), from: from.replace(/\/\/[^@]*@/, '//'), dataDir, phases, rows };
fs.writeFileSync(path.join(dataDir, 'copied-from-postgres.json'), JSON.stringify(result, null, 2) + '\n');
console.log(JSON.stringify(result.phases));
