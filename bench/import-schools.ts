/**
 * Importing the school directory: 5,000 schools in one request (POST /api/schools/import) from .xlsx
 * and from CSV, through the HTTP API of a listening server (the app of the server tests, on a socket
 * of 127.0.0.1), on the embedded database and on PostgreSQL; the median of 3 runs per database and
 * format, each on a fresh database (the test fixture: 3 regions, 5 schools).
 *   node --import tsx bench/import-schools.ts      (embedded, then PostgreSQL)
 * PostgreSQL: a database of its own is created on PG_URL (default postgres://postgres@127.0.0.1:5432/postgres)
 * for each run and dropped after. BENCH_N (5000), BENCH_RUNS (3). Results: bench/results/import-schools.json.
 * The schools have Chinese names, as a real directory (基准职业学院0001…); the kit reads .xlsx with exceljs's
 * workbook loader (32c78f6: the streaming reader garbled a Chinese character cut by a chunk boundary, which
 * the schools import refused as text_bad_character rather than storing it).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { like } from 'drizzle-orm';
import { todayInChina } from '@campus/common';
import { createTestApp } from '@campus/server/test/test-app.js';
import { PASSWORD } from '@campus/server/test/fixtures.js';
import { schools } from '@campus/server/db/schema/index.js';
import { XLSX_TYPE } from '@campus/server/modules/import/index.js';
import { xlsxFile } from '@campus/server/modules/import/test-files.js';

const N = Number(process.env.BENCH_N ?? 5000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const header = ['学校名称', '英文名称', '省份', '城市', '类型', '联系人', '联系邮箱', '联系电话', '大区'];
const provinces = ['浙江', '江苏', '广东', '北京'];

/** Row i: every province of the fixture's regions, both kinds, a contact on each, one in ten placed in another region. */
function rowOf(i: number): (string | null)[] {
  const n = String(i).padStart(4, '0');
  return [`基准职业学院${n}`, `Bench College ${n}`, provinces[i % 4], '杭州', i % 3 ? '职业' : '本科',
    `联系人${n}`, `c${n}@bench.test`, `0571-${String(80000000 + i)}`, i % 10 === 0 ? '华北' : null];
}

const csvOf = (rows: (string | null)[][]) => `\ufeff${rows.map((r) => r.map((c) => c ?? '').join(',')).join('\r\n')}\r\n`;

type Format = 'xlsx' | 'csv';

async function oneRun(database: string, format: Format, body: Buffer) {
  const prefix = '基准职业学院';
  const t = await createTestApp();
  try {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'hq@test.cn', password: PASSWORD }) });
    const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const type = format === 'xlsx' ? XLSX_TYPE : 'text/csv; charset=utf-8';
    const started = performance.now();
    const res = await fetch(`${base}/api/schools/import`, { method: 'POST', headers: { cookie, 'content-type': type }, body: new Uint8Array(body) });
    const importMs = Math.round(performance.now() - started);
    const answer = await res.json();
    if (res.status !== 200 || answer.created !== N) {
      console.log(`${database} ${format}: refused ${res.status} ${JSON.stringify(answer).slice(0, 600)}`);
      const details = (answer.details ?? []) as { row: number; field: string; code: string }[];
      return { importMs, ok: false, status: res.status, code: answer.code, rowProblems: details.map((d) => `${d.row}:${d.field}:${d.code}`) };
    }
    const stored = await t.database.db.$count(schools, like(schools.name, `${prefix}%`));
    console.log(`${database} ${format}: ${importMs} ms (${stored} schools stored)`);
    return { importMs, ok: stored === N };
  } finally {
    await t.close();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function measure(database: 'embedded' | 'postgres', files: Record<Format, Buffer>) {
  const out = [];
  for (const format of ['xlsx', 'csv'] as Format[]) {
    const runs = [];
    for (let r = 0; r < RUNS; r++) runs.push(await oneRun(database, format, files[format]));
    const ok = runs.filter((r) => r.ok);
    out.push({ database, format, schools: N, bytes: files[format].length, runs, allImported: ok.length === runs.length, importMedianMs: ok.length ? median(ok.map((r) => r.importMs)) : null });
  }
  return out;
}

const rows = [header, ...Array.from({ length: N }, (_, i) => rowOf(i))];
const files: Record<Format, Buffer> = { xlsx: await xlsxFile(rows), csv: Buffer.from(csvOf(rows)) };
const results = [];
const pgUrl = process.env.PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
delete process.env.DATABASE_URL;
results.push(...await measure('embedded', files));
process.env.DATABASE_URL = pgUrl; // createTestApp makes a database of its own on that server and drops it on close
results.push(...await measure('postgres', files));
const out = {
  date: todayInChina(), loadAverage: os.loadavg().map((x) => +x.toFixed(1)), cpus: os.cpus().length,
  note: 'one run = a fresh database (the server tests\' fixture), one POST of the whole file (create mode: 5,000 inserts in chunks of 1,000 with one audit event each), timed from the request to the answer',
  results,
};
console.log(JSON.stringify(out, null, 2));
fs.mkdirSync(path.join('bench', 'results'), { recursive: true });
fs.writeFileSync(path.join('bench', 'results', 'import-schools.json'), JSON.stringify(out, null, 2) + '\n');
