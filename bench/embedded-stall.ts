/**
 * Does one slow read stall everyone on the embedded database (issue 15 item 4)? PGlite is one
 * connection: every request waits for the statement before it. This starts the server as users start
 * it on an embedded data folder made by `seed:scale --embedded --data-dir D` (DATA_DIR=D, no
 * DATABASE_URL), and measures GET /api/health alone, then while one HQ user opens list after list
 * (the students of every school as the menu opens them, then its next pages), and reports the lists'
 * own times; then, while a second HQ session repeats the heaviest reads (the dashboard summary, the
 * what-if of each policy with a counting rule changed), the menu lists' first pages and the health check.
 *
 *   npm run seed:scale -- --embedded --schools 400 --data-dir /tmp/emb400
 *   node --import tsx bench/embedded-stall.ts --data-dir /tmp/emb400 [--seconds 30] [--out embedded-400]
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Client, listUrl } from './http.js';
import { stats } from './measure.js';
import { SCALE_PASSWORD, SCALE_USERS } from '@campus/seed/scale.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

async function main() {
  const { values } = parseArgs({ options: { 'data-dir': { type: 'string' }, seconds: { type: 'string' }, out: { type: 'string' } } });
  const dataDir = path.resolve(values['data-dir'] ?? '.data-scale');
  if (!fs.existsSync(path.join(dataDir, 'pg', 'PG_VERSION'))) throw new Error(`${dataDir}/pg is not an embedded database: make one with npm run seed:scale -- --embedded --data-dir ${dataDir}`);
  const seconds = Number(values.seconds ?? 30);
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', SEED_DEMO: 'false', LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/server.ts'], { cwd: root, env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => { stderr = (stderr + c.toString()).slice(-4000); });
  const base = `http://127.0.0.1:${port}`;
  try {
    for (const deadline = Date.now() + 900_000; ;) {
      if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}:\n${stderr}`);
      if (Date.now() > deadline) throw new Error(`no /api/health within 900 s:\n${stderr}`);
      if (await fetch(`${base}/api/health`).then((r) => r.ok, () => false)) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const startMs = Math.round(performance.now() - started);
    const hq = await Client.signIn(base, SCALE_USERS.hq, SCALE_PASSWORD);
    const probe = await Client.signIn(base, SCALE_USERS.hq, SCALE_PASSWORD);
    // Warm: the first compliance read of the day, and one list.
    await hq.get(listUrl('compliance', { filter: { current: true }, range: [0, 24] }));
    await hq.get(listUrl('students', { sort: ['studentNo', 'ASC'], range: [0, 24] }));

    const healthFor = async (ms: number) => {
      const samples: number[] = [];
      const end = performance.now() + ms;
      while (performance.now() < end) {
        const t = performance.now();
        await probe.get('/api/health');
        samples.push(performance.now() - t);
        await new Promise((r) => setTimeout(r, 20));
      }
      return stats(samples);
    };
    const idle = await healthFor(Math.min(10, seconds) * 1000);

    // One user opening lists, one after the other, for `seconds`: the students as the menu opens them
    // (all schools, by student number), by name, its next pages, a one-character search.
    const lists = [
      listUrl('students', { sort: ['studentNo', 'ASC'], range: [0, 24] }),
      listUrl('students', { sort: ['name', 'ASC'], range: [0, 24] }),
      listUrl('students', { sort: ['studentNo', 'ASC'], range: [25, 49] }),
      listUrl('certificates', { sort: ['issuedOn', 'DESC'], range: [0, 24] }),
      listUrl('practice-records', { sort: ['practicedOn', 'DESC'], range: [0, 24] }),
      listUrl('students', { filter: { q: '王' }, sort: ['studentNo', 'ASC'], range: [0, 24] }),
    ];
    const listTimes: Record<string, number[]> = {};
    let running = true;
    const user = (async () => {
      for (let i = 0; running; i++) {
        const url = lists[i % lists.length];
        const t = performance.now();
        const r = await hq.get(url);
        if (r.status !== 200) throw new Error(`${url} answered ${r.status}`);
        (listTimes[url] ??= []).push(performance.now() - t);
      }
    })();
    const busy = await healthFor(seconds * 1000);
    running = false;
    await user;

    // While a slow read runs: a second HQ session repeats the heaviest reads a screen sends (the
    // dashboard summary over every school, the what-if of each tier policy with a counting rule
    // changed) while the first opens the menu lists' first pages and the probe asks for health.
    const slowSession = await Client.signIn(base, SCALE_USERS.hq, SCALE_PASSWORD);
    const policies = JSON.parse((await hq.get(listUrl('tier-policies', { range: [0, 99] }))).body) as { id: number; version: number; activeMinApplications: number }[];
    const slowReads: { name: string; run: () => Promise<{ status: number }> }[] = [
      { name: 'GET /api/compliance/summary', run: () => slowSession.get('/api/compliance/summary') },
      ...policies.map((p) => ({ name: `POST /api/tier-policies/${p.id}/what-if (activeMinApplications +1)`, run: () => slowSession.send('POST', `/api/tier-policies/${p.id}/what-if`, { version: p.version, activeMinApplications: p.activeMinApplications + 1 }) })),
    ];
    const firstPages = [
      listUrl('students', { sort: ['studentNo', 'ASC'], range: [0, 24] }),
      listUrl('certificates', { sort: ['issuedOn', 'DESC'], range: [0, 24] }),
      listUrl('practice-records', { sort: ['practicedOn', 'DESC'], range: [0, 24] }),
      listUrl('job-registrations', { range: [0, 24] }),
      listUrl('course-completions', { range: [0, 24] }),
      listUrl('schools', { range: [0, 24] }),
    ];
    const slowTimes: Record<string, number[]> = {};
    const pageTimes: Record<string, number[]> = {};
    running = true;
    const slow = (async () => {
      for (let i = 0; running; i++) {
        const r = slowReads[i % slowReads.length];
        const t = performance.now();
        const a = await r.run();
        if (a.status !== 200) throw new Error(`${r.name} answered ${a.status}`);
        (slowTimes[r.name] ??= []).push(performance.now() - t);
      }
    })();
    const pages = (async () => {
      for (let i = 0; running; i++) {
        const url = firstPages[i % firstPages.length];
        const t = performance.now();
        const r = await hq.get(url);
        if (r.status !== 200) throw new Error(`${url} answered ${r.status}`);
        (pageTimes[url] ??= []).push(performance.now() - t);
      }
    })();
    const healthBesideSlow = await healthFor(seconds * 1000);
    running = false;
    await Promise.all([slow, pages]);
    const allPages = Object.values(pageTimes).flat();

    const [counts] = [await (await hq.get(listUrl('schools', { range: [0, 0] }))).headers['content-range']];
    const result = {
      date: new Date().toISOString(),
      dataDir, schools: counts?.split('/').pop(), serverStartMs: startMs,
      machine: { cpus: os.cpus().length, node: process.version, loadAverage: os.loadavg().map((v) => Math.round(v * 100) / 100) },
      healthIdle: idle, healthWhileListing: busy,
      lists: Object.fromEntries(Object.entries(listTimes).map(([u, s]) => [decodeURIComponent(u), stats(s)])),
      whileSlowReads: {
        health: healthBesideSlow,
        firstPagesAll: stats(allPages),
        firstPages: Object.fromEntries(Object.entries(pageTimes).map(([u, s]) => [decodeURIComponent(u), stats(s)])),
        slowReads: Object.fromEntries(Object.entries(slowTimes).map(([u, s]) => [u, stats(s)])),
      },
    };
    console.log(JSON.stringify(result, null, 2));
    if (values.out) {
      fs.writeFileSync(path.join(here, 'results', `${values.out}.json`), `${JSON.stringify(result, null, 2)}\n`);
      console.log(`written: bench/results/${values.out}.json`);
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

main().catch((error) => {
  console.error(`embedded-stall failed: ${error instanceof Error ? error.stack ?? error.message : error}`);
  process.exitCode = 1;
});
