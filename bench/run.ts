/**
 * The read-path benchmark (bench/README.md). Builds the app in-process on the database of
 * DATABASE_URL, listens on 127.0.0.1 and measures, request after request, the compliance list, one
 * school's compliance and the students list over HTTP, beside the same query run directly (through
 * drizzle, and as the captured SQL through postgres.js); then checks that a certificate written
 * through the API shows in the school's compliance at once.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/campus_scale npm run bench
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench -- --quick   (or BENCH_QUICK=1)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import postgres from 'postgres';
import type { AddressInfo } from 'node:net';
import { drizzle } from 'drizzle-orm/postgres-js';
import { buildApp } from '@campus/server/app.js';
import { loadConfig } from '@campus/server/config.js';
import { openDatabase, type Database, type Db } from '@campus/server/db/client.js';
import * as schema from '@campus/server/db/schema/index.js';
import { parseListQuery } from '@campus/server/lib/list-query.js';
import { getRecord, listRecords, listRecordsJson, type ResourceSpec } from '@campus/server/modules/resource/resource-spec.js';
import { complianceSpec } from '@campus/server/modules/compliance/compliance-spec.js';
import { studentSpec } from '@campus/server/modules/facts/students.js';
import { todayInChina } from '@campus/common';
import type { Scope } from '@campus/common';
import { SCALE_PASSWORD, SCALE_USERS } from '@campus/seed/scale.js';
import { Client, listUrl, type ListQuery } from './http.js';
import { createQuickDatabase } from './quick-db.js';
import { startServerProcess } from './server-process.js';
import { measure, measureInterleaved, stats, type MeasureOptions, type Stats } from './measure.js';
import { ensureLargeSchool, TARGETS, userReads, type Read } from './user-reads.js';

const here = path.dirname(fileURLToPath(import.meta.url));

interface Scenario {
  name: string;
  /** What the issue asks of it. */
  target?: { p95Ms?: number; maxRatio?: number };
  url: string;
  /** The same read, directly: a list (spec + list query) or one record (spec + id). */
  direct: { spec: ResourceSpec; list: ListQuery } | { spec: ResourceSpec; id: string | number };
  informational?: boolean;
}

interface ScenarioResult {
  name: string;
  url: string;
  target?: Scenario['target'];
  rows: number;
  total?: string | null;
  server: Stats;
  direct: Stats;
  sql: Stats;
  /** server / raw SQL (the issue's ratio) and server / direct drizzle call. */
  ratio: { median: number; p95: number };
  ratioDirect: { median: number; p95: number };
  /** CPU the server process used per request of this read (its own process only), in ms. */
  serverCpuMs?: number;
  met?: { p95?: boolean; ratio?: boolean };
  capturedSql: { sql: string; params: unknown[] };
}

function usage(message?: string): never {
  if (message) console.error(`bench: ${message}\n`);
  console.error(`Usage:
  DATABASE_URL=postgres://postgres@127.0.0.1:5432/campus_scale npm run bench            full scale (a database made by npm run seed:scale)
  DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench -- --quick     generates 100 schools into a temporary database, measures, drops it
Options: --requests N (200; quick 60), --warmup N (20; quick 10), --budget SECONDS per scenario (120; quick 8),
         --jit on|off (default: the server's setting), --out NAME (results file name, default full or quick), --schools N (quick: 100), --no-write,
         --daily-refresh (forget today's summary refresh first: the first request then pays the first-read-of-the-day recomputation),
         --large-school N (students of the large-school case, default 40000; quick 4000), --no-user-reads (only the read-path scenarios)
Exits non-zero when a target is missed (bench/README.md lists them).`);
  process.exit(2);
}

async function main() {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean' }, requests: { type: 'string' }, warmup: { type: 'string' }, budget: { type: 'string' },
      jit: { type: 'string' }, out: { type: 'string' }, schools: { type: 'string' }, 'no-write': { type: 'boolean' }, 'daily-refresh': { type: 'boolean' },
      'in-process': { type: 'boolean' }, 'no-user-reads': { type: 'boolean' }, 'large-school': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) usage();
  const quick = !!values.quick || process.env.BENCH_QUICK === '1';
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) usage('DATABASE_URL is not set: the benchmark runs against a PostgreSQL server.');
  if (values.jit && !['on', 'off'].includes(values.jit)) usage('--jit is on or off');
  const num = (v: string | undefined, def: number) => (v === undefined ? def : Number(v));
  const measureOpts: MeasureOptions = {
    requests: num(values.requests, quick ? 60 : 200),
    warmup: num(values.warmup, quick ? 10 : 20),
    budgetMs: num(values.budget, quick ? 8 : 120) * 1000,
  };
  const out = values.out ?? (quick ? 'quick' : 'full') + (values.jit ? `-jit-${values.jit}` : '');

  let url = serverUrl;
  let dropQuick: (() => Promise<void>) | undefined;
  const started = performance.now();
  const generation: Record<string, unknown> = {};
  if (quick) {
    const made = await createQuickDatabase(serverUrl, num(values.schools, 100));
    url = made.url;
    dropQuick = made.drop;
    Object.assign(generation, made.generation);
  }
  try {
    const largeSchool = num(values['large-school'], quick ? 4000 : 40_000);
    const results = await bench(withJit(url, values.jit), measureOpts, quick, !!values['daily-refresh'], !!values['in-process'], values['no-user-reads'] ? undefined : largeSchool);
    results.generation = quick ? generation : undefined;
    results.wallSeconds = Math.round((performance.now() - started) / 100) / 10;
    const md = markdown(results);
    console.log(`\n${md}`);
    if (!values['no-write']) {
      const dir = path.join(here, 'results');
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, `${out}.json`), `${JSON.stringify(results, null, 2)}\n`);
      fs.writeFileSync(path.join(dir, `${out}.md`), md);
      fs.writeFileSync(path.join(dir, `${out}-explain.txt`), results.explain.map((e: { name: string; plan: string }) => `### ${e.name}\n${e.plan}\n`).join('\n'));
      console.log(`written: bench/results/${out}.json, ${out}.md, ${out}-explain.txt`);
    }
    const missed = missedTargets(results);
    if (missed.length) {
      console.error(`\nbench: ${missed.length} target(s) missed:\n${missed.map((m) => `  - ${m}`).join('\n')}`);
      process.exitCode = 1;
    } else console.log('\nbench: every target met');
  } finally {
    await dropQuick?.();
  }
}

function withJit(url: string, jit: string | undefined) {
  if (!jit) return url;
  const u = new URL(url);
  u.searchParams.set('jit', jit);
  return u.toString();
}

/** A drizzle instance on the same postgres.js client that records the SQL it sends. */
function capturingDb(database: Database) {
  const log: { sql: string; params: unknown[] }[] = [];
  const db = drizzle(database.sql!, { schema, casing: 'snake_case', logger: { logQuery: (q, params) => log.push({ sql: q, params }) } }) as unknown as Db;
  return { db, log };
}

async function bench(url: string, opts: MeasureOptions, quick: boolean, dailyRefresh: boolean, inProcess: boolean, largeSchool: number | undefined) {
  const database = await openDatabase({ databaseUrl: url, poolMax: 10 });
  const sql = database.sql!;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cp-bench-'));
  let stopServer: (() => Promise<void>) | undefined;
  try {
    // What the database holds, and the ids the scenarios use.
    const [env] = await sql`
      SELECT version() AS version, current_setting('jit') AS jit, current_setting('shared_buffers') AS shared_buffers,
             current_setting('work_mem') AS work_mem, current_database() AS database,
             (SELECT count(*)::int FROM schools) AS schools, (SELECT count(*)::int FROM students) AS students,
             (SELECT count(*)::int FROM certificates) AS certificates, (SELECT count(*)::int FROM practice_records) AS practice_records,
             (SELECT count(*)::int FROM job_registrations) AS job_registrations, (SELECT count(*)::int FROM compliance_summaries) AS compliance_summaries`;
    if (!env.schools) throw new Error(`the database ${env.database} has no schools: generate one with npm run seed:scale (bench/README.md)`);
    const [schoolUser] = await sql`SELECT school_id FROM users WHERE email = ${SCALE_USERS.school}`;
    if (!schoolUser) throw new Error(`the database ${env.database} has no ${SCALE_USERS.school}: it was not made by npm run seed:scale`);
    const schoolId = Number(schoolUser.school_id);
    const today = todayInChina();
    // --daily-refresh: forget today's refresh, so that the server pays for it as on the first start or read of a day.
    if (dailyRefresh) await sql`DELETE FROM compliance_refreshes WHERE day >= ${today}::date`;
    const [fresh] = await sql`SELECT count(*)::int AS n FROM compliance_refreshes WHERE day >= ${today}::date`;
    const [cohort] = await sql`SELECT cohort_year AS y, count(*)::int AS n FROM students WHERE school_id = ${schoolId} GROUP BY 1 ORDER BY abs(cohort_year - ${Number(today.slice(0, 4)) - 2}) LIMIT 1`;
    const [namePart] = await sql`SELECT left(name, 1) AS q FROM students WHERE school_id = ${schoolId} GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`;
    const [fullName] = await sql`SELECT name AS q FROM students WHERE school_id = ${schoolId} AND char_length(name) = 3 ORDER BY id LIMIT 1`;

    // The large-school case (issue 15): one school of `largeSchool` students, then ANALYZE, before the server starts.
    const large = largeSchool ? await ensureLargeSchool(sql, largeSchool, schoolId) : undefined;

    // The server: by default its own process, started as users start it; --in-process: built in this one.
    let base: string;
    let startMs: number;
    let serverCpu: (() => number) | undefined;
    const t0 = performance.now();
    if (inProcess) {
      const config = loadConfig({ DATABASE_URL: url, LOG_LEVEL: 'silent', DATA_DIR: dataDir, WEB_DIST: path.join(dataDir, 'no-web') });
      const app = await buildApp(config, database, { logger: false });
      await app.listen({ port: 0, host: '127.0.0.1' });
      stopServer = () => app.close();
      base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
      startMs = Math.round(performance.now() - t0);
    } else {
      const server = await startServerProcess(url);
      stopServer = server.stop;
      serverCpu = () => server.cpuMs();
      base = server.base;
      startMs = server.startMs;
    }

    const hq = await Client.signIn(base, SCALE_USERS.hq, SCALE_PASSWORD);
    const school = await Client.signIn(base, SCALE_USERS.school, SCALE_PASSWORD);

    // The first compliance read of a day refreshes every summary when nothing did so today (the
    // server's own start does, and records how long it took).
    const t1 = performance.now();
    await hq.json(listUrl('compliance', { filter: { current: true }, range: [0, 0] }));
    const firstMs = Math.round(performance.now() - t1);
    const [refresh] = await sql`SELECT ms, schools FROM compliance_refreshes WHERE day >= ${today}::date ORDER BY day DESC LIMIT 1`;
    const firstRequest = {
      ms: firstMs, serverStartMs: startMs, refreshedEverything: Number(fresh.n) === 0,
      refreshMs: Number(fresh.n) === 0 && refresh ? Number(refresh.ms) : null, refreshedSchools: refresh ? Number(refresh.schools) : null,
    };
    const current = await hq.json<{ id: string; from: string }[]>(listUrl('compliance', { filter: { schoolId, current: true } }));
    if (!current.length) throw new Error(`school ${schoolId} has no current compliance row`);
    const complianceId = current[0].id;

    const scenarios: Scenario[] = [
      {
        name: 'compliance list: all schools, current year, first page by certificates1x',
        target: { p95Ms: 150, maxRatio: 1.2 },
        url: listUrl('compliance', { filter: { current: true }, sort: ['kpis.certificates1x', 'DESC'], range: [0, 24] }),
        direct: { spec: complianceSpec, list: { filter: { current: true }, sort: ['kpis.certificates1x', 'DESC'], range: [0, 24] } },
      },
      {
        name: 'compliance list: all schools, current year, default sort (school name)',
        target: { p95Ms: 150, maxRatio: 1.2 },
        url: listUrl('compliance', { filter: { current: true }, sort: ['schoolName', 'ASC'], range: [0, 24] }),
        direct: { spec: complianceSpec, list: { filter: { current: true }, sort: ['schoolName', 'ASC'], range: [0, 24] } },
      },
      {
        name: `one school's compliance: list filtered by schoolId ${schoolId}, current`,
        target: { p95Ms: 30 },
        url: listUrl('compliance', { filter: { schoolId, current: true } }),
        direct: { spec: complianceSpec, list: { filter: { schoolId, current: true } } },
      },
      {
        name: `one school's compliance: GET /api/compliance/${complianceId}`,
        target: { p95Ms: 30 },
        url: `/api/compliance/${complianceId}`,
        direct: { spec: complianceSpec, id: complianceId },
      },
      {
        name: `students: school ${schoolId}, cohort ${cohort.y} (${cohort.n} students), by name, first page`,
        target: { maxRatio: 1.2 },
        url: listUrl('students', { filter: { schoolId, cohortYear: cohort.y }, sort: ['name', 'ASC'], range: [0, 24] }),
        direct: { spec: studentSpec, list: { filter: { schoolId, cohortYear: cohort.y }, sort: ['name', 'ASC'], range: [0, 24] } },
      },
      {
        name: `students: search q="${namePart.q}" within school ${schoolId}`,
        target: { maxRatio: 1.2 },
        url: listUrl('students', { filter: { schoolId, q: namePart.q }, range: [0, 24] }),
        direct: { spec: studentSpec, list: { filter: { schoolId, q: namePart.q }, range: [0, 24] } },
      },
      {
        name: `students: search q="${fullName.q}" across all schools (no target)`,
        informational: true,
        url: listUrl('students', { filter: { q: fullName.q }, range: [0, 24] }),
        direct: { spec: studentSpec, list: { filter: { q: fullName.q }, range: [0, 24] } },
      },
    ];

    const { db: capDb, log: captured } = capturingDb(database);
    const all: Scope = { kind: 'all' };
    const results: ScenarioResult[] = [];
    const explain: { name: string; plan: string }[] = [];
    for (const s of scenarios) {
      const o = s.informational ? { ...opts, requests: Math.min(opts.requests, 10), warmup: 1 } : opts;
      const check = await hq.get(s.url);
      if (check.status !== 200) throw new Error(`${s.url} answered ${check.status}: ${check.body.slice(0, 300)}`);
      const body = JSON.parse(check.body) as unknown;
      const rows = Array.isArray(body) ? body.length : 1;
      const total = check.headers['content-range'];

      const directCall = 'list' in s.direct
        // The route's own path: lists of a resource the database writes as JSON are sent as it writes them.
        ? ((spec, params) => (db: Db) => (spec.json ? listRecordsJson(db, spec, params, all) : listRecords(db, spec, params, all)))(s.direct.spec, parseListQuery(queryOf(s.direct.list), s.direct.spec.defaultSort))
        : ((spec, id) => (db: Db) => getRecord(db, spec, id, all))(s.direct.spec, s.direct.id);
      captured.length = 0;
      await directCall(capDb);
      const q = captured[captured.length - 1];
      process.stdout.write(`${s.name}\n`);
      let requests = 0;
      let cpuBefore = 0;
      const [server, direct, rawSql] = await measureInterleaved([
        async () => {
          if (requests === o.warmup && serverCpu) cpuBefore = serverCpu();
          requests++;
          const r = await hq.get(s.url);
          if (r.status !== 200) throw new Error(`${s.url} answered ${r.status}`);
        },
        () => directCall(database.db),
        () => sql.unsafe(q.sql, q.params as never[]),
      ], o);
      const serverCpuMs = serverCpu ? round2((serverCpu() - cpuBefore) / (requests - o.warmup)) : undefined;
      const ratio = { median: round2(server.median / rawSql.median), p95: round2(server.p95 / rawSql.p95) };
      const met = s.target ? {
        ...(s.target.p95Ms !== undefined ? { p95: server.p95 < s.target.p95Ms } : {}),
        ...(s.target.maxRatio !== undefined ? { ratio: ratio.median < s.target.maxRatio } : {}),
      } : undefined;
      console.log(`  server ${server.median}/${server.p95} ms, sql ${rawSql.median}/${rawSql.p95} ms, ratio ${ratio.median}, server CPU ${serverCpuMs ?? '–'} ms a request`);
      results.push({
        name: s.name, url: s.url, target: s.target, rows, total, server, direct, sql: rawSql, ratio,
        ratioDirect: { median: round2(server.median / direct.median), p95: round2(server.p95 / direct.p95) }, serverCpuMs, met, capturedSql: q,
      });
      const plan = await sql.unsafe(`EXPLAIN (ANALYZE, BUFFERS) ${q.sql}`, q.params as never[]);
      explain.push({ name: s.name, plan: plan.map((r) => r['QUERY PLAN']).join('\n') });
    }

    // Per-request overhead of the server: the session look-up an API request makes when its user is
    // not remembered (SESSION_CACHE_SECONDS), as one query.
    const [sessionRow] = await sql`SELECT s.id FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.email = ${SCALE_USERS.hq} ORDER BY s.created_at DESC LIMIT 1`;
    const authQueries = await measure(async () => {
      await sql`SELECT s.last_seen_at, s.expires_at, u.id, u.email, u.name, u.role, u.locale, u.school_id, u.provider_id,
        coalesce((SELECT array_agg(ur.region_id ORDER BY ur.region_id) FROM user_regions ur WHERE ur.user_id = u.id), '{}') AS region_ids
        FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id = ${sessionRow.id} AND s.expires_at > now() AND u.active LIMIT 1`;
    }, opts);
    const meCpu0 = serverCpu?.();
    const me = await measure(async () => { await hq.get('/api/auth/me'); }, opts);
    const meCpuMs = serverCpu && meCpu0 !== undefined ? round2((serverCpu() - meCpu0) / (opts.warmup + me.n)) : undefined;
    const health = await measure(async () => { await hq.get('/api/health'); }, opts);

    // Fifteen writes at full scale: the median of five moved by a quarter between two runs on a quiet machine.
    const staleness = await stalenessCheck(school, sql, schoolId, today, quick ? 3 : 15);

    // What users feel (issue 15 item 5): every menu list, the large school, searches, the dashboard, at concurrency 1 and 8.
    let reads: Read[] = [];
    if (large) {
      console.log('\nwhat users feel (p95 targets: lists 100 ms at 1 user, 400 ms at 8; search 150 ms; dashboard 30 ms):');
      reads = await userReads({
        base, sql, users: { hq: SCALE_USERS.hq, regional: SCALE_USERS.regional }, password: SCALE_PASSWORD, largeSchoolId: large.schoolId,
        measure: { warmup: quick ? 2 : 3, requests: quick ? 15 : 40, budgetMs: opts.budgetMs, perClientC8: quick ? 4 : 8, concurrency: 8 },
        log: (line) => console.log(line),
      });
    }
    const whatIf = runWhatIfHook(url);

    return {
      mode: quick ? 'quick' : 'full',
      server: inProcess ? 'in the benchmark\'s own process (--in-process)' : 'its own process (node --import tsx server/src/server.ts, default settings)',
      date: new Date().toISOString(),
      today,
      commit: git('git rev-parse --short HEAD'),
      machine: { cpus: os.cpus().length, memGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version, loadAverage: os.loadavg().map((v) => round2(v)) },
      database: env,
      measure: opts,
      firstRequest,
      scenarios: results,
      perRequest: { authQueries, meEndpoint: me, meCpuMs, healthEndpoint: health },
      staleness,
      largeSchool: large,
      reads,
      whatIf,
      targets: TARGETS,
      explain,
      generation: undefined as unknown,
      wallSeconds: 0,
    };
  } finally {
    await stopServer?.();
    await database.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

function queryOf(q: ListQuery): Record<string, string> {
  const o: Record<string, string> = {};
  if (q.filter) o.filter = JSON.stringify(q.filter);
  if (q.sort) o.sort = JSON.stringify(q.sort);
  if (q.range) o.range = JSON.stringify(q.range);
  return o;
}

/**
 * No staleness: as the school's user, write a 1+X certificate dated today for an enrolled student
 * without one this year, read the school's compliance right after, and check that certificates1x
 * moved by one. The certificates are deleted again afterwards (and the count checked back).
 */
async function stalenessCheck(school: Client, sql: postgres.Sql, schoolId: number, today: string, samples: number) {
  type Row = { id: string; from: string; kpis: { certificates1x: { value: number } } };
  const read = async () => (await school.json<Row[]>(listUrl('compliance', { filter: { schoolId, current: true } })))[0];
  const first = await read();
  const students = await sql`
    SELECT s.id FROM students s
    WHERE s.school_id = ${schoolId} AND s.left_on IS NULL AND s.enrolled_on <= ${today}::date
      AND NOT EXISTS (SELECT 1 FROM certificates c WHERE c.student_id = s.id AND c.kind IN ('1x_junior', '1x_intermediate', '1x_senior') AND c.issued_on >= ${first.from}::date)
    ORDER BY s.id LIMIT ${samples}`;
  const runs: { studentId: number; before: number; after: number; moved: boolean; writeMs: number; readMs: number; totalMs: number }[] = [];
  const created: number[] = [];
  try {
    for (const s of students) {
      const before = (await read()).kpis.certificates1x.value;
      const t0 = performance.now();
      const res = await school.send('POST', '/api/certificates', { studentId: Number(s.id), kind: '1x_junior', certNo: `BENCH-${Date.now()}-${s.id}`, issuedOn: today });
      const t1 = performance.now();
      if (res.status !== 201 && res.status !== 200) throw new Error(`POST /api/certificates answered ${res.status}: ${res.body.slice(0, 300)}`);
      created.push(Number((JSON.parse(res.body) as { id: number }).id));
      const after = (await read()).kpis.certificates1x.value;
      const t2 = performance.now();
      runs.push({ studentId: Number(s.id), before, after, moved: after === before + 1, writeMs: round2(t1 - t0), readMs: round2(t2 - t1), totalMs: round2(t2 - t0) });
    }
  } finally {
    for (const id of created) await school.send('DELETE', `/api/certificates/${id}`);
  }
  const restored = (await read()).kpis.certificates1x.value === first.kpis.certificates1x.value;
  return {
    schoolId, samples: runs, allMoved: runs.length > 0 && runs.every((r) => r.moved), restoredAfterDelete: restored,
    write: stats(runs.map((r) => r.writeMs)), read: stats(runs.map((r) => r.readMs)), total: stats(runs.map((r) => r.totalMs)),
  };
}

/**
 * The what-if of a tier policy is measured by bench/what-if.ts (its own helper's; target < 200 ms):
 * when that file exists it runs here on the same database, and its exit code counts as a target.
 */
function runWhatIfHook(url: string): { ran: boolean; exitCode?: number | null; output?: string } {
  const file = path.join(here, 'what-if.ts');
  if (!fs.existsSync(file) || process.env.BENCH_NO_WHAT_IF === '1') return { ran: false };
  // --no-before: only the what-if as it is now; --out: its own results file, not the what-if helper's.
  const r = spawnSync(process.execPath, ['--import', 'tsx', file, '--no-before', '--out', path.join(here, 'results', 'what-if-from-bench-run.json')], { cwd: path.join(here, '..'), env: { ...process.env, DATABASE_URL: url }, encoding: 'utf8', timeout: 600_000 });
  const output = `${r.stdout ?? ''}${r.stderr ?? ''}`.slice(-3000);
  console.log(`\nbench/what-if.ts exited ${r.status}:\n${output}`);
  return { ran: true, exitCode: r.status, output };
}

/** Every absolute target the run missed, in words. */
function missedTargets(r: Awaited<ReturnType<typeof bench>>): string[] {
  const missed: string[] = [];
  for (const s of r.scenarios) if (s.met?.p95 === false) missed.push(`${s.name}: p95 ${s.server.p95} ms (target < ${s.target?.p95Ms})`);
  for (const read of r.reads) {
    if (read.met) continue;
    missed.push(`${read.name} (${read.user}): p95 ${read.c1.p95} ms at 1 user (target < ${read.target.p95C1})${read.c8 && read.target.p95C8 !== undefined ? `, ${read.c8.p95} ms at 8 (target < ${read.target.p95C8})` : ''}`);
  }
  if (!(r.staleness.total.median < TARGETS.writeReadMedian)) missed.push(`fact write + next compliance read: median ${r.staleness.total.median} ms (target < ${TARGETS.writeReadMedian})`);
  if (!r.staleness.allMoved) missed.push('a written certificate was not counted in the next compliance read');
  if (r.whatIf.ran && r.whatIf.exitCode !== 0) missed.push(`bench/what-if.ts exited ${r.whatIf.exitCode} (target < ${TARGETS.whatIfMs} ms)`);
  return missed;
}

const round2 = (v: number) => Math.round(v * 100) / 100;
function git(cmd: string) {
  try { return execSync(cmd, { cwd: here, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim(); } catch { return null; }
}

function markdown(r: Awaited<ReturnType<typeof bench>>): string {
  const ms = (v: number) => (Number.isFinite(v) ? v.toFixed(v < 10 ? 2 : 1) : '–');
  const lines = [
    `# Read-path benchmark (${r.mode})`,
    '',
    `${r.date.slice(0, 16).replace('T', ' ')} UTC, commit ${r.commit ?? '?'}; ${r.database.database}: ${r.database.schools.toLocaleString('en-US')} schools, ${r.database.students.toLocaleString('en-US')} students, ${r.database.certificates.toLocaleString('en-US')} certificates, ${r.database.compliance_summaries.toLocaleString('en-US')} compliance rows.`,
    `${String(r.database.version).split(' on ')[0]} (jit ${r.database.jit}, shared_buffers ${r.database.shared_buffers}), Node ${r.machine.node}, ${r.machine.cpus} cores; load average at the end ${r.machine.loadAverage.join(' ')}.`,
    `The server ran in ${r.server}. Sequential requests over HTTP on 127.0.0.1 (node:http, one kept-alive connection) as hq@scale.test: ${r.measure.warmup} warm-up rounds, then ${r.measure.requests} measured (ms). "sql" is the route's captured SQL through postgres.js from the benchmark's process, "direct" the route's listRecords/listRecordsJson/getRecord called in the benchmark's process; each round runs server, direct and sql one after the other. Ratio = server / sql.`,
    '',
    '| read | rows | server median | server p95 | sql median | sql p95 | direct median | server − sql median | server CPU per request | ratio median | ratio p95 | target | met |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|',
    ...r.scenarios.map((s) => {
      const target = [s.target?.p95Ms !== undefined ? `p95 < ${s.target.p95Ms} ms` : '', s.target?.maxRatio !== undefined ? `ratio < ${s.target.maxRatio}` : ''].filter(Boolean).join(', ') || '–';
      const met = s.met ? Object.entries(s.met).map(([k, v]) => `${k} ${v ? 'yes' : '**no**'}`).join(', ') : '–';
      return `| ${s.name} | ${s.rows} | ${ms(s.server.median)} | ${ms(s.server.p95)} | ${ms(s.sql.median)} | ${ms(s.sql.p95)} | ${ms(s.direct.median)} | ${ms(round2(s.server.median - s.sql.median))} | ${s.serverCpuMs === undefined ? '–' : ms(s.serverCpuMs)} | ${s.ratio.median} | ${s.ratio.p95} | ${target} | ${met} |`;
    }),
    '',
    `Fixed cost of a request: GET /api/health (no session, one \`select 1\`) ${ms(r.perRequest.healthEndpoint.median)} ms median, ${ms(r.perRequest.healthEndpoint.p95)} ms p95; GET /api/auth/me (the signed-in user, remembered for SESSION_CACHE_SECONDS) ${ms(r.perRequest.meEndpoint.median)} ms median, ${ms(r.perRequest.meEndpoint.p95)} ms p95${r.perRequest.meCpuMs !== undefined ? ` (server CPU ${ms(r.perRequest.meCpuMs)} ms a request)` : ''}; the session look-up query a request makes when its user is not remembered, alone through postgres.js, ${ms(r.perRequest.authQueries.median)} ms median.`,
    `Server start until /api/health answered: ${r.firstRequest.serverStartMs} ms${r.firstRequest.refreshMs !== null ? ` (it refreshed every summary of ${r.firstRequest.refreshedSchools} schools in ${r.firstRequest.refreshMs} ms: the first start or read of the day)` : ''}; first compliance request after it: ${r.firstRequest.ms} ms.`,
    '',
    `No staleness (school ${r.staleness.schoolId}, as school@scale.test): POST /api/certificates then GET its compliance, ${r.staleness.samples.length} times: certificates1x moved by one every time: ${r.staleness.allMoved ? 'yes' : '**no**'}; ` +
      `write median ${ms(r.staleness.write.median)} ms (max ${ms(r.staleness.write.max)}), read after it median ${ms(r.staleness.read.median)} ms, write+read median ${ms(r.staleness.total.median)} ms (max ${ms(r.staleness.total.max)}). Deleted again afterwards, count back: ${r.staleness.restoredAfterDelete ? 'yes' : 'no'}.`,
    ...(r.reads.length ? [
      '',
      `## What users feel (issue 15)`,
      '',
      `Each menu list opened as the UI opens it (default sort and filter, first page of 25, then the getMany of the schools and students its rows name), as ${SCALE_USERS.hq} and ${SCALE_USERS.regional}; the large school (${r.largeSchool?.students.toLocaleString('en-US')} students${r.largeSchool?.added ? `, ${r.largeSchool.added.toLocaleString('en-US')} of them added by the benchmark, then ANALYZE` : ''}); searches across all students; the dashboard summary. At 1 user (one request after the other) and at 8 (8 sessions at once); ms.`,
      '',
      '| read | user | total | median 1 | p95 1 | median 8 | p95 8 | target p95 (1 / 8) | met |',
      '|---|---|---|---:|---:|---:|---:|---|---|',
      ...r.reads.map((x) => `| ${x.name} | ${x.user.split('@')[0]} | ${x.total ? `${x.total.split('/').pop()}${x.estimated ? ' (about)' : ''}` : '–'} | ${ms(x.c1.median)} | ${ms(x.c1.p95)} | ${x.c8 ? ms(x.c8.median) : '–'} | ${x.c8 ? ms(x.c8.p95) : '–'} | < ${x.target.p95C1}${x.target.p95C8 !== undefined ? ` / < ${x.target.p95C8}` : ''} | ${x.met ? 'yes' : '**no**'} |`),
      '',
      `Fact write + next compliance read: median ${ms(r.staleness.total.median)} ms (target < ${TARGETS.writeReadMedian}): ${r.staleness.total.median < TARGETS.writeReadMedian ? 'met' : '**missed**'}. What-if (bench/what-if.ts, target < ${TARGETS.whatIfMs} ms): ${r.whatIf.ran ? `exit ${r.whatIf.exitCode}` : 'not run here (BENCH_NO_WHAT_IF=1, or no bench/what-if.ts)'}.`,
    ] : []),
    ...(r.generation ? ['', `Quick mode generated its database first in ${(r.generation as { seconds: number }).seconds} s; whole run ${r.wallSeconds} s.`] : []),
    '',
  ];
  return lines.join('\n');
}

main().catch((error) => {
  console.error(`bench failed: ${error instanceof Error ? error.stack ?? error.message : error}`);
  process.exitCode = 1;
});
