/**
 * How long another user waits while large student imports run (issue 11 item 9; moved here from the import tests by
 * issue 12 item 7, since a wait in milliseconds is a measure of speed, not a rule a test can hold on a busy machine).
 * Through the HTTP API of a listening server (the app of the server tests), on the embedded database and on PostgreSQL:
 *   - two 40 MiB student files at once (both refused at the row limit): the worst wait of a list read and of the
 *     health check beside them, target under 1 s on both databases;
 *   - a valid 100,000-row file: the worst wait of a list read beside it, target under 1 s on PostgreSQL (on the embedded
 *     database, one connection, reads wait while the rows are inserted: reported, no target).
 *   node --import tsx bench/import-beside.ts        (BENCH_RUNS, default 3; the median of the runs' worst waits)
 * PostgreSQL: a database of its own is created on PG_URL (default postgres://postgres@127.0.0.1:5432/postgres) per
 * run and dropped after. Exits 1 when a target is missed. Results: bench/results/import-beside.json.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { createTestApp } from '@campus/server/test/test-app.js';
import { PASSWORD } from '@campus/server/test/fixtures.js';
import { twoLargeImports, validLargeImport } from '@campus/server/test/import-load.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const TARGET_MS = 1000;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function signIn(base: string, email: string) {
  const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: PASSWORD }) });
  return res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}

async function oneRun() {
  const t = await createTestApp();
  try {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    const school = await signIn(base, 'school@test.cn');
    const other = await signIn(base, 'school2@test.cn');
    const two = await twoLargeImports(base, school, other);
    const valid = await validLargeImport(base, school, other);
    if (two.answers.some((a) => a.status !== 400) || valid.answer.status !== 200) throw new Error(`unexpected answers: ${two.answers.map((a) => a.status)} / ${valid.answer.status} ${valid.answer.body.slice(0, 200)}`);
    return {
      twoFilesMs: two.tookMs,
      worstListBesideTwoMs: two.reads['/api/students?range=[0,9]']!.worstMs,
      worstHealthBesideTwoMs: two.reads['/api/health']!.worstMs,
      validImportMs: valid.tookMs,
      worstListBesideValidMs: valid.reads['/api/students?range=[0,9]']!.worstMs,
    };
  } finally {
    await t.close();
  }
}

const results: Record<string, unknown> = {};
const missed: string[] = [];
for (const database of ['embedded', 'postgres'] as const) {
  if (database === 'postgres') process.env.DATABASE_URL = process.env.PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  else delete process.env.DATABASE_URL;
  const runs: Awaited<ReturnType<typeof oneRun>>[] = [];
  for (let i = 0; i < RUNS; i++) {
    const run = await oneRun();
    console.log(`${database} run ${i + 1}: ${JSON.stringify(run)}`);
    runs.push(run);
  }
  type Run = (typeof runs)[number];
  const med = Object.fromEntries(Object.keys(runs[0]!).map((k) => [k, median(runs.map((r) => r[k as keyof Run]))])) as Record<keyof Run, number>;
  const targets: Record<string, number> = { worstListBesideTwoMs: TARGET_MS, worstHealthBesideTwoMs: TARGET_MS, ...(database === 'postgres' ? { worstListBesideValidMs: TARGET_MS } : {}) };
  for (const [k, target] of Object.entries(targets)) if (med[k as keyof typeof med] >= target) missed.push(`${database} ${k} ${med[k as keyof typeof med]} ms (target < ${target} ms)`);
  results[database] = { median: med, targets, runs };
}

const out = {
  date: new Date().toISOString(),
  machine: { cpus: os.cpus().length, node: process.version, loadAverage: os.loadavg().map((x) => Math.round(x * 100) / 100) },
  runs: RUNS,
  results,
  missed,
};
fs.mkdirSync(path.join(import.meta.dirname, 'results'), { recursive: true });
fs.writeFileSync(path.join(import.meta.dirname, 'results/import-beside.json'), `${JSON.stringify(out, null, 2)}\n`);
console.log(missed.length ? `MISSED: ${missed.join('; ')}` : 'every target met');
process.exit(missed.length ? 1 : 0);
