/**
 * The scale generator: ten times the deck's programme (4,000 schools, about 3.5 million students
 * and their certificates, practice, job-platform records…) in a PostgreSQL database, to measure the
 * product at the size it is designed for. See bench/README.md.
 *
 *   createdb -h 127.0.0.1 -U postgres campus_scale
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/campus_scale npm run seed:scale
 *
 * Options: --schools N (4000), --students-per-school N (875), --years N (3: agreements started one to
 * N years ago), --seed N, --batch N (schools per COPY batch), --today YYYY-MM-DD, --fresh (drop the
 * target's schema first), --keep-indexes (load with every index and foreign key in place: slower),
 * --embedded [--data-dir DIR] (PGlite instead of DATABASE_URL: small --schools runs only).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { isNull, sql } from 'drizzle-orm';
import { openDatabase, runMigrations, type Database } from '@campus/server/db/client.js';
import { acquireDataFolderLock } from '@campus/server/db/data-folder-lock.js';
import { embeddedDataDir } from '@campus/server/db/open-configured.js';
import * as s from '@campus/server/db/schema/index.js';
import { queryRows } from '@campus/server/db/raw.js';
import { hashPassword } from '@campus/server/modules/auth/password.js';
import { recomputeAll } from '@campus/server/modules/compliance/recompute.js';
import { todayInChina } from '@campus/common';
import { seedReferenceData } from '@campus/server/modules/reference-data/reference-data.js';
import {
  emptyLines, generateSchool, ID_TABLES, planSchools, rowCounts, TABLES, type GeneratorOptions, type IdCounters, type SchoolPlan,
} from './scale-generate.js';
import { dropForBulkLoad, pgliteSink, postgresSink, resetAutovacuum, restoreAfterBulkLoad, seconds, type BulkDefinitions, type Sink } from './scale-load.js';

export const SCALE_PASSWORD = 'demo1234';
export const SCALE_USERS = { hq: 'hq@scale.test', regional: 'east@scale.test', school: 'school@scale.test' } as const;

export interface ScaleRunOptions extends GeneratorOptions {
  databaseUrl?: string;
  dataDir?: string;
  fresh: boolean;
  keepIndexes: boolean;
  batch: number;
  /** A file to write the report to, as JSON. */
  report?: string;
  log?: (line: string) => void;
}

export interface ScaleReport {
  phases: Record<string, number>;
  rows: Record<string, number>;
  schoolUser: { schoolId: number; name: string };
  options: Omit<ScaleRunOptions, 'log' | 'databaseUrl'>;
}

function usage(message?: string): never {
  if (message) console.error(`seed:scale: ${message}\n`);
  console.error(`Usage:
  DATABASE_URL=postgres://postgres@127.0.0.1:5432/campus_scale npm run seed:scale -- [options]
  npm run seed:scale -- --embedded --schools 50 [--data-dir .data-scale]

  --schools N              schools to generate (default 4000: ten times the deck's 407)
  --students-per-school N  average students per school (default 875: 3.5 million for 4000 schools)
  --years N                agreements started 1 to N years before today (default 3)
  --fresh                  drop the target database's schema (public and drizzle) first
  --keep-indexes           load with every index and foreign key in place (slower; default drops and rebuilds them)
  --embedded               PGlite in --data-dir instead of DATABASE_URL (needs GBs of memory at full scale)
  --data-dir DIR           the server's DATA_DIR (default .data-scale): the database goes to DIR/pg, where a
                           server started with DATA_DIR=DIR reads it
  --seed N, --batch N, --today YYYY-MM-DD
  --report FILE            also write the phase times and row counts as JSON (e.g. bench/results/seed-scale.json)

The target must be empty (create one with: createdb -h 127.0.0.1 -U postgres campus_scale) or given --fresh.`);
  process.exit(2);
}

function parseOptions(argv: string[]): ScaleRunOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      schools: { type: 'string' }, 'students-per-school': { type: 'string' }, years: { type: 'string' },
      seed: { type: 'string' }, batch: { type: 'string' }, today: { type: 'string' },
      fresh: { type: 'boolean' }, 'keep-indexes': { type: 'boolean' }, embedded: { type: 'boolean' }, 'data-dir': { type: 'string' },
      report: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) usage();
  const int = (name: string, raw: string | undefined, def: number, min: number, max: number) => {
    if (raw === undefined) return def;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) usage(`--${name} must be a whole number from ${min} to ${max}`);
    return n;
  };
  const databaseUrl = process.env.DATABASE_URL || undefined;
  if (!values.embedded && !databaseUrl) {
    usage('DATABASE_URL is not set. At full scale the generator needs a PostgreSQL server (PGlite would need several GB of memory and be slow); give --embedded for a small run on PGlite.');
  }
  const today = values.today ?? todayInChina();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) usage('--today must look like 2026-06-30');
  return {
    schools: int('schools', values.schools, 4000, 1, 100_000),
    studentsPerSchool: int('students-per-school', values['students-per-school'], 875, 10, 20_000),
    years: int('years', values.years, 3, 1, 8),
    seed: int('seed', values.seed, 20260101, 0, 2 ** 31),
    batch: int('batch', values.batch, 20, 1, 1000),
    today,
    fresh: !!values.fresh,
    keepIndexes: !!values['keep-indexes'],
    databaseUrl: values.embedded ? undefined : databaseUrl,
    // The server's DATA_DIR: the database is written to DATA_DIR/pg, where a server started with DATA_DIR reads it.
    dataDir: values.embedded ? embeddedDataDir({ dataDir: path.resolve(values['data-dir'] ?? '.data-scale') }) : undefined,
    report: values.report,
  };
}

/** Generates the scaled programme into the database of the options; returns phase times and row counts. */
export async function generateScale(opts: ScaleRunOptions): Promise<ScaleReport> {
  const log = opts.log ?? ((line: string) => console.log(line));
  const phases: Record<string, number> = {};
  const started = performance.now();
  let mark = started;
  const phase = (name: string) => {
    const now = performance.now();
    phases[name] = now - mark;
    mark = now;
    log(`${name}: ${seconds(phases[name])}`);
  };

  if (opts.dataDir && opts.fresh && fs.existsSync(opts.dataDir)) {
    if (!fs.existsSync(path.join(opts.dataDir, 'PG_VERSION'))) throw new Error(`--fresh: ${opts.dataDir} is not a PGlite data folder; not deleting it`);
    const lock = acquireDataFolderLock(opts.dataDir); // never delete a folder another process has open
    fs.rmSync(opts.dataDir, { recursive: true, force: true });
    lock.release();
  }
  const database = await openDatabase(opts.databaseUrl ? { databaseUrl: withoutJit(opts.databaseUrl), poolMax: 20 } : { dataDir: opts.dataDir });
  try {
    const { db } = database;
    if (database.sql && opts.fresh) {
      log('--fresh: dropping the schemas public and drizzle of the target database');
      await database.sql.unsafe('DROP SCHEMA IF EXISTS drizzle CASCADE; DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;').simple();
    }
    await runMigrations(database);
    const [{ n: existing }] = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM schools`);
    if (Number(existing) > 0) {
      throw new Error(`the target database already has ${existing} schools: give an empty database (createdb -h 127.0.0.1 -U postgres campus_scale) or --fresh`);
    }
    await seedReferenceData(db);
    const regions = await db.select({ id: s.regions.id, code: s.regions.code, provinces: s.regions.provinces }).from(s.regions);
    const catalogue = await db.select({ id: s.courses.id, code: s.courses.code, kind: s.courses.kind }).from(s.courses).where(isNull(s.courses.schoolId));
    const ids: IdCounters = {};
    for (const table of ID_TABLES) {
      const [{ n }] = await queryRows<{ n: number }>(db, sql`SELECT coalesce(max(id), 0)::int AS n FROM ${sql.identifier(table)}`);
      ids[table] = Number(n) + 1;
    }
    const plans = planSchools(opts, { regions, catalogue }, ids);
    phase('migrate + reference data');

    let bulk: BulkDefinitions | undefined;
    if (database.sql && !opts.keepIndexes) bulk = await dropForBulkLoad(database.sql, TABLES);
    const rows = await load(database, plans, opts, ids, log);
    phase('load (generate + COPY)');

    if (bulk && database.sql) {
      await restoreAfterBulkLoad(database.sql, bulk, log);
      phase('indexes + foreign keys');
    }
    for (const table of ID_TABLES) {
      await db.execute(sql`SELECT setval(pg_get_serial_sequence(${table}, 'id'), coalesce((SELECT max(id) FROM ${sql.identifier(table)}), 1), (SELECT max(id) FROM ${sql.identifier(table)}) IS NOT NULL)`);
    }
    const schoolUser = await addUsers(database, plans);
    await db.execute(database.sql ? sql`VACUUM (ANALYZE)` : sql`ANALYZE`);
    phase(database.sql ? 'vacuum + analyze (facts)' : 'analyze (facts)');

    const recomputed = await recomputeAll(db, opts.today);
    await db.insert(s.complianceRefreshes).values({ day: opts.today, schools: recomputed.schools, ms: Math.round(performance.now() - mark) }).onConflictDoNothing();
    phase(`summaries (recomputeAll: ${recomputed.schools} schools, ${recomputed.rows} rows)`);

    // VACUUM, not only ANALYZE: the summaries were just written, and the dashboard's one pass is an
    // index-only scan of them (compliance_dashboard_idx), which reads the rows' pages until they are
    // marked all-visible (measured: 1,609 pages and a sequential scan before, 51 pages after).
    await db.execute(sql`VACUUM (ANALYZE)`);
    if (bulk && database.sql) await resetAutovacuum(database.sql, bulk.tables);
    phase('vacuum + analyze');
    phases.total = performance.now() - started;
    log(`total: ${seconds(phases.total)}`);

    const counted: Record<string, number> = {};
    for (const table of [...TABLES, 'users', 'compliance_summaries']) {
      const [{ n }] = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)}`);
      counted[table] = Number(n);
    }
    log('\nrows:');
    for (const [table, n] of Object.entries(counted)) log(`  ${table.padEnd(26)} ${n.toLocaleString('en-US').padStart(12)}`);
    if (Object.entries(rows).some(([t, n]) => t !== 'courses' && counted[t] !== n)) log('WARNING: a table holds other than the generated number of rows');
    const { log: _l, databaseUrl: _d, ...shown } = opts;
    return { phases, rows: counted, schoolUser, options: shown };
  } finally {
    await database.close();
  }
}

/**
 * The generator's own sessions run without JIT: the KPI statement's estimates (generate_series
 * counts 1000 rows) make PostgreSQL compile it, which costs seconds per batch of schools and buys
 * nothing here. The server's sessions are left as configured (bench/README.md reports the effect).
 */
function withoutJit(databaseUrl: string) {
  const url = new URL(databaseUrl);
  if (!url.searchParams.has('jit')) url.searchParams.set('jit', 'off');
  return url.toString();
}

/** Generates batch after batch of schools and hands each to the sink, generation and COPY overlapping. */
async function load(database: Database, plans: SchoolPlan[], opts: ScaleRunOptions, ids: IdCounters, log: (line: string) => void) {
  const sink: Sink = database.sql ? postgresSink(database.sql, opts.keepIndexes ? 'sequential' : 'bulk') : pgliteSink(database.pglite!);
  const counts = rowCounts();
  const started = performance.now();
  let pending: Promise<void> = Promise.resolve();
  let lastLog = started;
  try {
    for (let i = 0; i < plans.length; i += opts.batch) {
      const lines = emptyLines();
      for (const plan of plans.slice(i, i + opts.batch)) generateSchool(plan, opts, ids, lines);
      const batch: Record<string, string> = {};
      for (const table of TABLES) {
        counts[table] += lines[table].length;
        if (lines[table].length) batch[table] = lines[table].join('');
      }
      // One batch in flight while the next is generated.
      await pending;
      pending = sink.write(batch);
      const now = performance.now();
      if (now - lastLog > 15_000 || i + opts.batch >= plans.length) {
        lastLog = now;
        const done = Math.min(i + opts.batch, plans.length);
        log(`  ${done}/${plans.length} schools, ${counts.students.toLocaleString('en-US')} students, ${seconds(now - started)}, rss ${Math.round(process.memoryUsage().rss / 2 ** 20)} MiB`);
      }
    }
    await pending;
    await sink.close();
  } catch (error) {
    sink.abort(error as Error);
    throw new Error(`the load failed, the database is incomplete: drop and create it again (or run with --fresh). Cause: ${(error as Error).message}`, { cause: error });
  }
  return counts;
}

/** hq@scale.test, east@scale.test (East China) and school@scale.test (an East China Industry College). */
async function addUsers(database: Database, plans: SchoolPlan[]) {
  const { db } = database;
  const passwordHash = await hashPassword(SCALE_PASSWORD);
  const school = plans.find((p) => p.regionCode === 'east' && p.tier === 'industry_college' && !p.rectifying)
    ?? plans.find((p) => p.regionCode === 'east') ?? plans[0];
  const east = plans.find((p) => p.regionCode === 'east')?.regionId ?? school.regionId;
  const inserted = await db.insert(s.users).values([
    { email: SCALE_USERS.hq, name: '总部管理员（规模测试）', role: 'hq', passwordHash },
    { email: SCALE_USERS.regional, name: '华东大区（规模测试）', role: 'regional', passwordHash },
    { email: SCALE_USERS.school, name: `${school.name}管理员`, role: 'school', schoolId: school.id, passwordHash },
  ]).returning({ id: s.users.id, email: s.users.email });
  const regional = inserted.find((u) => u.email === SCALE_USERS.regional)!;
  await db.insert(s.userRegions).values({ userId: regional.id, regionId: east });
  return { schoolId: school.id, name: school.name };
}

const invokedDirectly = process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname);
if (invokedDirectly) {
  const opts = parseOptions(process.argv.slice(2));
  const where = opts.databaseUrl ? new URL(opts.databaseUrl).pathname.slice(1) || '(default database)' : `PGlite in ${opts.dataDir} (start the server with DATA_DIR=${path.dirname(opts.dataDir!)})`;
  console.log(`seed:scale: ${opts.schools} schools × ~${opts.studentsPerSchool} students, agreements up to ${opts.years} years old, today ${opts.today}, into ${where}`);
  if (!opts.databaseUrl && opts.schools > 500) console.warn('warning: PGlite at this scale is slow and needs several GB of memory; PostgreSQL (DATABASE_URL) is the way for full scale.');
  generateScale(opts).then((report) => {
    if (opts.report) {
      const machine = { cpus: os.cpus().length, memGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version, loadAverage: os.loadavg().map((v) => Math.round(v * 100) / 100) };
      const seconds = Object.fromEntries(Object.entries(report.phases).map(([k, v]) => [k, Math.round(v / 100) / 10]));
      fs.mkdirSync(path.dirname(path.resolve(opts.report)), { recursive: true });
      fs.writeFileSync(opts.report, `${JSON.stringify({ date: new Date().toISOString(), machine, ...report, phases: seconds }, null, 2)}\n`);
      console.log(`report written to ${opts.report}`);
    }
    if (opts.dataDir) console.log(`\ndatabase written to ${opts.dataDir}: start the server on it with DATA_DIR=${path.dirname(opts.dataDir)} npm start`);
    console.log(`\nsigned-in users (password ${SCALE_PASSWORD}): ${Object.values(SCALE_USERS).join(', ')}; school@scale.test is school ${report.schoolUser.schoolId} ${report.schoolUser.name}`);
  }).catch((error) => {
    console.error(`seed:scale failed: ${error instanceof Error ? error.message : error}`);
    process.exitCode = 1;
  });
}
