/**
 * Importing 2,000 partnerships that began before the product (POST /api/agreements/import, one
 * .xlsx) through the HTTP API of a listening server (the app of the server tests, on a socket of
 * 127.0.0.1), on the embedded database and on PostgreSQL; the median of 3 runs, each on a fresh
 * database with 2,000 schools added by the SCHOOLS use case (createSchool) in the set-up. After each
 * import: the full compliance refresh (recomputeAll) is timed, and the stored summaries the import
 * wrote must equal what it recomputes.
 *   node --import tsx bench/import-agreements.ts            (embedded, then PostgreSQL)
 * PostgreSQL: a database of its own is created on PG_URL (default postgres://postgres@127.0.0.1:5432/postgres) and dropped after.
 * Results: bench/results/import-agreements.json.
 * School names are Chinese (基准学院0001); BENCH_NAMES=ascii names them "Bench College 0001". (Before
 * commit 32c78f6 the kit read .xlsx with exceljs's streaming reader, which broke a Chinese character
 * cut by a 16 KiB chunk boundary: 2 of these 2,000 names were refused.)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { format, subDays } from 'date-fns';
import { eq } from 'drizzle-orm';
import type { AddressInfo } from 'node:net';
import { todayInChina } from '@campus/common';
import type { Actor } from '@campus/common';
import { createTestApp } from '@campus/server/test/test-app.js';
import { storedSummaries } from '@campus/server/test/compliance-check.js';
import { PASSWORD } from '@campus/server/test/fixtures.js';
import { users } from '@campus/server/db/schema/index.js';
import { createSchool } from '@campus/server/modules/schools/create-school.js';
import { recomputeAll } from '@campus/server/modules/compliance/recompute.js';
import { XLSX_TYPE } from '@campus/server/modules/import/index.js';
import { xlsxFile } from '@campus/server/modules/import/test-files.js';

const N = Number(process.env.BENCH_N ?? 2000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const today = todayInChina();
const daysAgo = (n: number) => format(subDays(new Date(`${today}T00:00:00`), n), 'yyyy-MM-dd');
const tiers = ['industry_college', 'talent_base', 'pilot_1x', 'partner_school'] as const;
const nameOf = (i: number) => (process.env.BENCH_NAMES === 'ascii' ? `Bench College ${String(i).padStart(4, '0')}` : `基准学院${String(i).padStart(4, '0')}`);

/** Row i of the file: every tier, starts 60 to 1,500 days back, one in five rectifying, the ended years but the last evaluated. */
function rowOf(i: number) {
  const tier = tiers[i % 4];
  const term = tier === 'industry_college' || tier === 'talent_base' ? 3 : 1;
  const back = 60 + ((i * 37) % 1440);
  const ended = Math.floor(back / 366);
  const evaluated = Array.from({ length: Math.min(ended, term - 1) }, (_, k) => `${k + 1}:continue`).join(';');
  const rectifying = i % 5 === 0;
  return [nameOf(i), tier, daysAgo(back), term, rectifying ? '整改中' : '执行中',
    rectifying ? '就业平台注册率不足' : null, rectifying ? daysAgo(-90) : null, evaluated || null];
}

async function oneRun(database: 'embedded' | 'postgres', file: Buffer) {
  const t = await createTestApp();
  try {
    const { db } = t.database;
    const [hq] = await db.select().from(users).where(eq(users.email, 'hq@test.cn'));
    const actor = { ...hq, regionIds: [], schoolId: null, providerId: null } as unknown as Actor;
    const setupStarted = performance.now();
    await db.transaction(async (tx) => {
      for (let i = 0; i < N; i++) await createSchool(tx, { name: nameOf(i), province: '浙江', city: '杭州', kind: 'vocational' }, actor);
    });
    const setupMs = Math.round(performance.now() - setupStarted);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'hq@test.cn', password: PASSWORD }) });
    const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const started = performance.now();
    const res = await fetch(`${base}/api/agreements/import`, { method: 'POST', headers: { cookie, 'content-type': XLSX_TYPE }, body: new Uint8Array(file) });
    const importMs = Math.round(performance.now() - started);
    const answer = await res.json();
    if (res.status !== 200 || answer.created !== N) throw new Error(`${database}: ${res.status} ${JSON.stringify(answer).slice(0, 2000)}`);
    const written = await storedSummaries(db);
    const refreshStarted = performance.now();
    const refreshed = await recomputeAll(db, today);
    const refreshMs = Math.round(performance.now() - refreshStarted);
    const after = await storedSummaries(db);
    const agrees = JSON.stringify(written) === JSON.stringify(after);
    console.log(`${database}: import ${importMs} ms, refresh ${refreshMs} ms (${refreshed.schools} schools, ${refreshed.rows} rows), agrees ${agrees}; set-up ${setupMs} ms`);
    return { importMs, refreshMs, setupMs, summaries: after.length, refreshedSchools: refreshed.schools, agrees };
  } finally {
    await t.close();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function measure(database: 'embedded' | 'postgres', file: Buffer) {
  const runs = [];
  for (let r = 0; r < RUNS; r++) runs.push(await oneRun(database, file));
  return {
    database, agreements: N, runs,
    importMedianMs: median(runs.map((r) => r.importMs)),
    refreshMedianMs: median(runs.map((r) => r.refreshMs)),
    summariesAfterImport: runs[0].summaries,
    refreshAgreesWithImport: runs.every((r) => r.agrees),
  };
}

const file = await xlsxFile([
  ['学校', '级别', '开始日期', '年限', '状态', '整改通知', '整改期限', '已评审年度'],
  ...Array.from({ length: N }, (_, i) => rowOf(i)),
]);
const results = [];
const pgUrl = process.env.PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
delete process.env.DATABASE_URL;
results.push(await measure('embedded', file));
process.env.DATABASE_URL = pgUrl; // createTestApp makes a database of its own on that server and drops it on close
results.push(await measure('postgres', file));
const out = {
  date: today, loadAverage: os.loadavg().map((x) => +x.toFixed(1)), cpus: os.cpus().length, file: { rows: N, bytes: file.length, format: 'xlsx', schoolNames: process.env.BENCH_NAMES === 'ascii' ? 'ascii' : 'zh' },
  note: 'schools without facts: the KPIs are computed over empty fact tables; one run = a fresh database, 2,000 schools by createSchool, one POST of the file, then recomputeAll',
  results,
};
console.log(JSON.stringify(out, null, 2));
fs.mkdirSync(path.join('bench', 'results'), { recursive: true });
fs.writeFileSync(path.join('bench', 'results', 'import-agreements.json'), JSON.stringify(out, null, 2) + '\n');
