/**
 * Mixed-workload load test (bench/README.md): two server processes on the same database, several
 * concurrent clients for a bounded time and request count. Each client signs in once per user it
 * acts as, then sends every request to a randomly chosen process (no sticky sessions: sessions are
 * shared through the database). Reports throughput, latency per kind, errors and the servers' RSS.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/campus_scale npm run bench:load
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:load -- --quick   (CI; exits 1 on any error)
 *   … -- --quick --nginx   the same through Debian's nginx (docs/nginx.conf, TLS) in front of both processes
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { spawn, execSync, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import postgres from 'postgres';
import { todayInChina } from '@campus/common';
import { SCALE_PASSWORD, SCALE_USERS } from '@campus/seed/scale.js';
import { listUrl } from './http.js';
import { percentile } from './measure.js';
import { createQuickDatabase } from './quick-db.js';
import { startNginx, type RunningNginx } from '@campus/e2e/support/nginx.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.join(here, '..');

function usage(message?: string): never {
  if (message) console.error(`bench:load: ${message}\n`);
  console.error(`Usage:
  DATABASE_URL=postgres://postgres@127.0.0.1:5432/campus_scale npm run bench:load            60 s against a database made by npm run seed:scale
  DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:load -- --quick     15 s against a temporary 100-school database (exits 1 on any error)
Options: --seconds N (60; quick 15), --clients N (8), --max-requests N (200000), --schools N (quick: 100), --out NAME (load-full / load-quick; with --nginx load-*-nginx), --no-write,
  --nginx: every request through nginx (docs/nginx.conf: TLS, round robin over the two processes; /usr/sbin/nginx or NGINX_PATH) instead of straight to a random process`);
  process.exit(2);
}

// ---------------------------------------------------------------------------------------------
// HTTP: a session (cookie) that is not bound to one server; every request picks a server at random.

interface Sample { kind: string; ms: number; status: number; server: number }
interface ErrorRecord { kind: string; method: string; path: string; server: number; status: number; body: string; at: number }

class Load {
  samples: Sample[] = [];
  errors: ErrorRecord[] = [];
  stopped = false;
  sent = 0;
  readonly t0 = performance.now();
  constructor(readonly bases: string[], readonly maxRequests: number, readonly deadline: number) {}

  get done() { return this.stopped || this.sent >= this.maxRequests || performance.now() >= this.deadline; }

  /** One request; any status outside `expected` is an error (recorded and printed). Returns the parsed body or undefined. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the parsed body of whichever route was asked, read loosely by the script
  async request(kind: string, cookie: string, method: string, p: string, body?: unknown, opts: { contentType?: string; expected?: number[] } = {}): Promise<any> {
    const server = Math.floor(Math.random() * this.bases.length);
    const headers: Record<string, string> = { cookie };
    let payload: string | undefined;
    if (body !== undefined) {
      headers['content-type'] = opts.contentType ?? 'application/json';
      payload = typeof body === 'string' ? body : JSON.stringify(body);
    }
    this.sent++;
    const t = performance.now();
    let status = 0;
    let text: string;
    try {
      const res = await fetch(`${this.bases[server]}${p}`, { method, headers, body: payload });
      text = await res.text();
      status = res.status;
    } catch (error) {
      text = `fetch failed: ${error instanceof Error ? `${error.message} ${(error as { cause?: Error }).cause?.message ?? ''}` : error}`;
    }
    const ms = performance.now() - t;
    this.samples.push({ kind, ms, status, server });
    const expected = opts.expected ?? [200, 201];
    if (!expected.includes(status)) {
      const e = { kind, method, path: p, server, status, body: text.slice(0, 400), at: Math.round(performance.now() - this.t0) };
      this.errors.push(e);
      console.error(`ERROR ${kind}: ${method} ${p} on server ${server} answered ${status}: ${e.body}`);
      return undefined;
    }
    try { return text ? JSON.parse(text) : null; } catch { return text; }
  }
}

async function signIn(base: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  if (res.status !== 200) throw new Error(`sign-in of ${email} failed: ${res.status} ${await res.text()}`);
  const session = res.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c.startsWith('cp_session='));
  await res.arrayBuffer();
  if (!session) throw new Error(`sign-in of ${email} set no cp_session cookie`);
  return session;
}

// ---------------------------------------------------------------------------------------------
// Server processes.

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

interface ServerProc { child: ChildProcess; pid: number; port: number; base: string; rss: number[]; log: string[]; exited?: { code: number | null; signal: string | null } }

async function startServer(databaseUrl: string, extraEnv: Record<string, string> = {}): Promise<ServerProc> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/server.ts'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', WEB_DIST: '/nonexistent', ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const proc: ServerProc = { child, pid: child.pid!, port, base: `http://127.0.0.1:${port}`, rss: [], log: [] };
  const keep = (d: Buffer) => { proc.log.push(d.toString()); if (proc.log.length > 200) proc.log.shift(); };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  child.on('exit', (code, signal) => { proc.exited = { code, signal }; });
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (proc.exited) throw new Error(`server on port ${port} exited (${JSON.stringify(proc.exited)}): ${proc.log.join('').slice(-2000)}`);
    try {
      const r = await fetch(`${proc.base}/api/health`);
      await r.arrayBuffer();
      if (r.status === 200) return proc;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) throw new Error(`server on port ${port} did not answer /api/health within 60 s: ${proc.log.join('').slice(-2000)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function stopServer(p: ServerProc) {
  if (p.exited) return;
  const gone = new Promise<void>((r) => p.child.once('exit', () => r()));
  process.kill(p.pid, 'SIGTERM');
  const timer = setTimeout(() => { if (!p.exited) process.kill(p.pid, 'SIGKILL'); }, 15_000);
  await gone;
  clearTimeout(timer);
}

/** VmRSS of a process in MiB (undefined once it is gone). */
function rssMiB(pid: number): number | undefined {
  try {
    const m = /VmRSS:\s+(\d+)\s+kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 102.4) / 10 : undefined;
  } catch { return undefined; }
}

// ---------------------------------------------------------------------------------------------
// The workload.

/** A plan that passes every submit guard (server/test/application-builders.ts). */
const completePlan = {
  summary: '与平台共建跨境电商B2B产业学院，开设新课程与真实项目实训。',
  contact: { name: '王老师', phone: '0571-88886666' },
  qualifications: { cbecDisciplineBase: true, talentTrainingValued: true, longTermPlan: '三年建成省级示范产业学院' },
  targets: { certificates1x: 220, certificatesOperator: 300, jobPlatformRate: 0.96, practiceHoursPerStudent: 170 },
};
const completeItems = [
  { kind: 'instructor', title: '张敏', details: { certNo: '1X-B2B-2023-0001', level: 'senior' } },
  { kind: 'teaching_resource', title: 'B2B 实训平台', needsPlatformSupport: true },
  { kind: 'practice_project', title: '义乌小商品出海项目' },
];

/** Kinds of iteration and their weights (an application iteration is four requests). */
const MIX: [string, number][] = [
  ['dashboard.summary', 12], ['dashboard.compliance-list', 12], ['dashboard.school-compliance', 12],
  ['list.students', 20], ['write.certificate', 14], ['write.import', 4], ['review.application', 4],
];
const totalWeight = MIX.reduce((s, [, w]) => s + w, 0);
function pickKind(): string {
  let r = Math.random() * totalWeight;
  for (const [k, w] of MIX) { r -= w; if (r < 0) return k; }
  return MIX[0][0];
}

interface ClientSetup { index: number; email: string; schoolId: number; studentIds: number[]; cohortYear: number; hq: string; east: string; school: string }

async function runClient(load: Load, c: ClientSetup, runId: string, today: string, counters: Record<string, number>) {
  let seq = 0;
  while (!load.done) {
    const kind = pickKind();
    seq++;
    switch (kind) {
      case 'dashboard.summary':
        await load.request(kind, Math.random() < 0.5 ? c.hq : c.east, 'GET', '/api/compliance/summary');
        break;
      case 'dashboard.compliance-list':
        await load.request(kind, Math.random() < 0.5 ? c.hq : c.east, 'GET', listUrl('compliance', { filter: { current: true }, sort: ['kpis.certificates1x', 'DESC'], range: [0, 24] }));
        break;
      case 'dashboard.school-compliance':
        await load.request(kind, c.school, 'GET', listUrl('compliance', { filter: { current: true } }));
        break;
      case 'list.students':
        await load.request(kind, c.school, 'GET', listUrl('students', { filter: { schoolId: c.schoolId, cohortYear: c.cohortYear }, sort: ['name', 'ASC'], range: [0, 24] }));
        break;
      case 'write.certificate': {
        const studentId = c.studentIds[Math.floor(Math.random() * c.studentIds.length)];
        const r = await load.request(kind, c.school, 'POST', '/api/certificates', { studentId, kind: '1x_junior', certNo: `LOAD-${runId}-${c.index}-${seq}`, issuedOn: today });
        if (r) counters.certificates++;
        break;
      }
      case 'write.import': {
        const rows = Array.from({ length: 200 }, (_, i) => `L${runId}-${c.index}-${seq}-${i},压测学生${i},${c.cohortYear}`).join('\n');
        const r = await load.request(kind, c.school, 'POST', '/api/students/import', `studentNo,name,cohortYear\n${rows}\n`, { contentType: 'text/csv' });
        if (r) counters.importedStudents += 200;
        break;
      }
      case 'review.application': {
        const draft = await load.request('application.create', c.school, 'POST', '/api/applications', { tier: 'pilot_1x', plan: completePlan, pledge: true, planItems: completeItems });
        if (!draft) break;
        const submitted = await load.request('application.submit', c.school, 'POST', `/api/applications/${draft.id}/actions/submit`, { version: draft.version });
        if (!submitted) break;
        const regional = await load.request('application.regional_approve', c.east, 'POST', `/api/applications/${draft.id}/actions/regional_approve`, { version: submitted.version });
        if (!regional) break;
        const decisions = Object.fromEntries((draft.planItems ?? []).filter((i: { needsPlatformSupport: boolean }) => i.needsPlatformSupport).map((i: { id: number }) => [i.id, true]));
        const approved = await load.request('application.hq_approve', c.hq, 'POST', `/api/applications/${draft.id}/actions/hq_approve`, { version: regional.version, planItemDecisions: decisions });
        if (approved) counters.applicationsApproved++;
        break;
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean' }, seconds: { type: 'string' }, clients: { type: 'string' }, 'max-requests': { type: 'string' },
      schools: { type: 'string' }, out: { type: 'string' }, 'no-write': { type: 'boolean' }, nginx: { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) usage();
  const quick = !!values.quick || process.env.BENCH_QUICK === '1';
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) usage('DATABASE_URL is not set: the load test runs against a PostgreSQL server.');
  const num = (v: string | undefined, def: number) => {
    const n = v === undefined ? def : Number(v);
    if (!Number.isFinite(n) || n <= 0) usage(`not a positive number: ${v}`);
    return n;
  };
  const seconds = num(values.seconds, quick ? 15 : 60);
  const clients = num(values.clients, 8);
  const maxRequests = num(values['max-requests'], 200_000);
  const viaNginx = !!values.nginx;
  const out = values.out ?? `${quick ? 'load-quick' : 'load-full'}${viaNginx ? '-nginx' : ''}`;

  let url = serverUrl;
  let dropQuick: (() => Promise<void>) | undefined;
  let generation: unknown;
  if (quick) {
    const made = await createQuickDatabase(serverUrl, num(values.schools, 100), 'cp_load_quick');
    url = made.url;
    dropQuick = made.drop;
    generation = made.generation;
  }
  const servers: ServerProc[] = [];
  const proxy: { nginx?: RunningNginx } = {};
  let failed = false;
  try {
    const results = await run(url, servers, { seconds, clients, maxRequests, quick, viaNginx, proxy });
    (results as Record<string, unknown>).generation = generation;
    const md = markdown(results);
    console.log(`\n${JSON.stringify({ ...results, errors: results.errors.slice(0, 20) }, null, 2)}\n\n${md}`);
    if (!values['no-write']) {
      const dir = path.join(here, 'results');
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, `${out}.json`), `${JSON.stringify(results, null, 2)}\n`);
      fs.writeFileSync(path.join(dir, `${out}.md`), md);
      console.log(`written: bench/results/${out}.json, bench/results/${out}.md`);
    }
    if (results.errorCount > 0) {
      console.error(`bench:load: ${results.errorCount} error(s)`);
      failed = true;
    }
  } finally {
    await proxy.nginx?.stop().catch((e) => console.error(`stopping nginx: ${e}`));
    for (const s of servers) await stopServer(s).catch((e) => console.error(`stopping server ${s.pid}: ${e}`));
    await dropQuick?.();
  }
  if (failed) process.exitCode = 1;
}

async function run(url: string, servers: ServerProc[], opts: { seconds: number; clients: number; maxRequests: number; quick: boolean; viaNginx: boolean; proxy: { nginx?: RunningNginx } }) {
  const sql = postgres(url, { max: 2, onnotice: () => {} });
  const today = todayInChina();
  const runId = crypto.randomBytes(3).toString('hex');
  try {
    const [env] = await sql`
      SELECT current_database() AS database, version() AS version, current_setting('jit') AS jit,
             (SELECT count(*)::int FROM schools) AS schools, (SELECT count(*)::int FROM students) AS students`;
    const [east] = await sql`SELECT ur.region_id FROM users u JOIN user_regions ur ON ur.user_id = u.id WHERE u.email = ${SCALE_USERS.regional} LIMIT 1`;
    if (!env.schools || !east) throw new Error(`the database ${env.database} was not made by npm run seed:scale (no schools or no ${SCALE_USERS.regional})`);
    // Distinct East China schools, one per client, without an application in flight and with a live agreement.
    const schools = await sql`
      SELECT s.id FROM schools s
      WHERE s.region_id = ${east.region_id}
        AND NOT EXISTS (SELECT 1 FROM applications a WHERE a.school_id = s.id AND a.status IN ('draft', 'pending_regional', 'pending_hq', 'returned'))
        AND NOT EXISTS (SELECT 1 FROM users u WHERE u.school_id = s.id)
      ORDER BY s.id LIMIT ${opts.clients}`;
    if (schools.length < opts.clients) throw new Error(`only ${schools.length} free East China schools for ${opts.clients} clients`);

    console.log(`starting two servers on ${env.database}`);
    // Behind nginx the processes trust it (TRUST_PROXY) for the client's address and host, and the cookie is Secure, as docs/nginx.conf says.
    const serverEnv: Record<string, string> = opts.viaNginx ? { TRUST_PROXY: '127.0.0.1', COOKIE_SECURE: 'true' } : {};
    servers.push(await startServer(url, serverEnv), await startServer(url, serverEnv));
    let bases = servers.map((s) => s.base);
    if (opts.viaNginx) {
      opts.proxy.nginx = await startNginx({ upstreams: servers.map((s) => `127.0.0.1:${s.port}`) });
      // nginx's certificate is the self-signed one startNginx just made; this process talks to nothing else over TLS.
      process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
      bases = [opts.proxy.nginx.baseUrl];
      console.log(`nginx ${opts.proxy.nginx.baseUrl} in front of ${servers.map((s) => s.base).join(' and ')}`);
    }
    const hqCookie = await signIn(bases[0], SCALE_USERS.hq, SCALE_PASSWORD);

    // One school user per client (created as HQ through the API), for a distinct East China school.
    const setups: ClientSetup[] = [];
    for (let i = 0; i < opts.clients; i++) {
      const schoolId = Number(schools[i].id);
      const email = `load-${runId}-${i}@scale.test`;
      const res = await fetch(`${bases[i % bases.length]}/api/users`, {
        method: 'POST', headers: { cookie: hqCookie, 'content-type': 'application/json' },
        body: JSON.stringify({ email, name: `压测学校用户${i}`, role: 'school', schoolId, password: SCALE_PASSWORD }),
      });
      if (res.status !== 201 && res.status !== 200) throw new Error(`POST /api/users answered ${res.status}: ${await res.text()}`);
      await res.arrayBuffer();
      const students = await sql`SELECT id FROM students WHERE school_id = ${schoolId} AND left_on IS NULL ORDER BY id LIMIT 200`;
      const [cohort] = await sql`SELECT cohort_year AS y FROM students WHERE school_id = ${schoolId} GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`;
      setups.push({ index: i, email, schoolId, studentIds: students.map((s) => Number(s.id)), cohortYear: Number(cohort?.y ?? Number(today.slice(0, 4)) - 1), hq: '', east: '', school: '' });
    }
    // Each client signs in once as each of its users, on a random server.
    const pick = () => bases[Math.floor(Math.random() * bases.length)];
    for (const c of setups) {
      c.hq = await signIn(pick(), SCALE_USERS.hq, SCALE_PASSWORD);
      c.east = await signIn(pick(), SCALE_USERS.regional, SCALE_PASSWORD);
      c.school = await signIn(pick(), c.email, SCALE_PASSWORD);
    }
    const [before] = await sql`SELECT (SELECT count(*)::int FROM students) AS students, (SELECT count(*)::int FROM certificates) AS certificates`;

    // Memory: VmRSS of each server process every second.
    const sampleRss = () => { for (const s of servers) { const v = rssMiB(s.pid); if (v !== undefined) s.rss.push(v); } };
    sampleRss();
    const rssTimer = setInterval(sampleRss, 1000);

    console.log(`running ${opts.clients} clients for ${opts.seconds} s (at most ${opts.maxRequests} requests) against ${bases.join(' and ')}`);
    const load = new Load(bases, opts.maxRequests, performance.now() + opts.seconds * 1000);
    const counters = { certificates: 0, importedStudents: 0, applicationsApproved: 0 };
    const progress = setInterval(() => process.stdout.write(`  ${Math.round((performance.now() - load.t0) / 1000)} s: ${load.samples.length} requests, ${load.errors.length} errors\n`), 10_000);
    await Promise.all(setups.map((c) => runClient(load, c, runId, today, counters)));
    const elapsed = (performance.now() - load.t0) / 1000;
    clearInterval(progress);
    clearInterval(rssTimer);
    sampleRss();
    for (const s of servers) {
      if (s.exited) load.errors.push({ kind: 'server', method: '-', path: '-', server: servers.indexOf(s), status: 0, body: `server process exited: ${JSON.stringify(s.exited)}`, at: 0 });
    }
    const [after] = await sql`SELECT (SELECT count(*)::int FROM students) AS students, (SELECT count(*)::int FROM certificates) AS certificates`;

    const round = (v: number) => Math.round(v * 100) / 100;
    const kindsSeen = [...new Set(load.samples.map((s) => s.kind))].sort();
    const kinds = Object.fromEntries(kindsSeen.map((k) => {
      const ms = load.samples.filter((s) => s.kind === k).map((s) => s.ms).sort((a, b) => a - b);
      return [k, {
        requests: ms.length, perSecond: round(ms.length / elapsed),
        errors: load.errors.filter((e) => e.kind === k).length,
        p50: round(percentile(ms, 50)), p95: round(percentile(ms, 95)), p99: round(percentile(ms, 99)), max: round(ms[ms.length - 1]),
      }];
    }));
    const all = load.samples.map((s) => s.ms).sort((a, b) => a - b);
    // Through nginx the process is nginx's choice: count its access log's upstream addresses (the set-up's requests included).
    const nginxLines = opts.proxy.nginx?.accessLog() ?? [];
    const perServer = opts.viaNginx
      ? servers.map((s) => nginxLines.filter((l) => l.startsWith(`127.0.0.1:${s.port} `)).length)
      : servers.map((_, i) => load.samples.filter((s) => s.server === i).length);
    return {
      mode: opts.quick ? 'quick' : 'full',
      date: new Date().toISOString(),
      commit: git('git rev-parse --short HEAD'),
      machine: { cpus: os.cpus().length, memGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version, loadAverage: os.loadavg().map(round) },
      database: { name: env.database, version: String(env.version).split(' on ')[0], jit: env.jit, schools: env.schools, studentsAtStart: env.students },
      config: { seconds: opts.seconds, clients: opts.clients, maxRequests: opts.maxRequests, servers: 2, via: opts.viaNginx ? 'nginx (docs/nginx.conf, TLS, round robin)' : 'direct (random process per request)', mix: Object.fromEntries(MIX) },
      elapsedSeconds: round(elapsed),
      requests: load.samples.length,
      perSecond: round(load.samples.length / elapsed),
      overall: { p50: round(percentile(all, 50)), p95: round(percentile(all, 95)), p99: round(percentile(all, 99)) },
      perServer,
      kinds,
      writes: { ...counters, studentsDelta: after.students - before.students, certificatesDelta: after.certificates - before.certificates },
      memory: servers.map((s, i) => ({ server: i, pid: s.pid, port: s.port, samples: s.rss.length, startMiB: s.rss[0], peakMiB: Math.max(...s.rss), endMiB: s.rss[s.rss.length - 1] })),
      errorCount: load.errors.length,
      errors: load.errors,
      clientSchools: setups.map((c) => c.schoolId),
    };
  } finally {
    await sql.end();
  }
}

function git(cmd: string) {
  try { return execSync(cmd, { cwd: here, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim(); } catch { return null; }
}

function markdown(r: Awaited<ReturnType<typeof run>>): string {
  const f = (v: number) => (Number.isFinite(v) ? v.toFixed(v < 10 ? 2 : 1) : '–');
  const lines = [
    `# Mixed-workload load test (${r.mode})`,
    '',
    `${r.date.slice(0, 16).replace('T', ' ')} UTC, commit ${r.commit ?? '?'}; ${r.database.name}: ${r.database.schools.toLocaleString('en-US')} schools, ${r.database.studentsAtStart.toLocaleString('en-US')} students at the start; ${r.database.version} (jit ${r.database.jit}), Node ${r.machine.node}, ${r.machine.cpus} cores, ${r.machine.memGiB} GiB; load average at the end ${r.machine.loadAverage.join(' ')}.`,
    r.config.via.startsWith('nginx')
      ? `Two server processes on the same database behind nginx (docs/nginx.conf: TLS, HTTP/1.1 from the clients, round robin), ${r.config.clients} concurrent clients for ${r.elapsedSeconds} s; each client signed in once as HQ, as East China and as its own East China school, and sent every request to nginx (requests per process in nginx's log, set-up included: ${r.perServer.join(' / ')}).`
      : `Two server processes on the same database, ${r.config.clients} concurrent clients for ${r.elapsedSeconds} s; each client signed in once as HQ, as East China and as its own East China school, and sent every request to a randomly chosen process (requests per process: ${r.perServer.join(' / ')}).`,
    '',
    `**${r.requests.toLocaleString('en-US')} requests, ${r.perSecond} req/s overall; p50 ${f(r.overall.p50)} ms, p95 ${f(r.overall.p95)} ms, p99 ${f(r.overall.p99)} ms; errors: ${r.errorCount}.**`,
    '',
    '| kind | requests | req/s | p50 ms | p95 ms | p99 ms | max ms | errors |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    ...Object.entries(r.kinds).map(([k, s]) => `| ${k} | ${s.requests} | ${s.perSecond} | ${f(s.p50)} | ${f(s.p95)} | ${f(s.p99)} | ${f(s.max)} | ${s.errors} |`),
    '',
    'Memory (VmRSS of each server process, sampled every second):',
    '',
    '| server | pid | samples | start MiB | peak MiB | end MiB |',
    '|---|---:|---:|---:|---:|---:|',
    ...r.memory.map((m) => `| ${m.server} | ${m.pid} | ${m.samples} | ${m.startMiB} | ${m.peakMiB} | ${m.endMiB} |`),
    '',
    `Writes: ${r.writes.certificates} certificates (table +${r.writes.certificatesDelta}), ${r.writes.importedStudents} students imported in files of 200 (table +${r.writes.studentsDelta}), ${r.writes.applicationsApproved} pilot_1x applications created, submitted, approved by the region and by HQ.`,
    ...(r.errors.length ? ['', 'Errors (first 20):', '', ...r.errors.slice(0, 20).map((e) => `- ${e.kind}: ${e.method} ${e.path} (server ${e.server}) → ${e.status}: ${e.body.replace(/\n/g, ' ').slice(0, 200)}`)] : []),
    '',
  ];
  return lines.join('\n');
}

main().catch((error) => {
  console.error(`bench:load failed: ${error instanceof Error ? error.stack ?? error.message : error}`);
  process.exitCode = 1;
});
