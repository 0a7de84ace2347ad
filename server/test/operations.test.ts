import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import postgres from 'postgres';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestContext } from './test-app.js';
import { createDraft } from './application-builders.js';
import { queryRows } from '../src/db/raw.js';
import { dumpEmbedded, dumpServer, restoreEmbedded, restoreServer } from '../src/db/backup.js';
import { openDatabase } from '../src/db/client.js';
import { startServerProcess, type ServerProcess } from './server-process.js';
import { waitUntil } from './wait-until.js';
import { createTestDataFolder } from './test-database.js';
import { PASSWORD, seedFixture } from './fixtures.js';

const serverUrl = process.env.DATABASE_URL;
let t: TestContext;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t?.close(); });

async function counts(db: Parameters<typeof queryRows>[0]) {
  const tables = await queryRows<{ name: string }>(db, sql`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`);
  const out: Record<string, number> = {};
  for (const { name } of tables) out[name] = Number((await queryRows<{ n: number }>(db, sql.raw(`SELECT count(*)::int AS n FROM "${name}"`)))[0].n);
  return out;
}
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'cp-ops-'));

describe('backup and restore', () => {
  it('restores a backup into an empty database with every count equal', async () => {
    await createDraft(await t.as('school@test.cn'));
    const before = await counts(t.database.db);
    expect(before.applications).toBe(1);
    const dir = tmp();
    if (!serverUrl) {
      await dumpEmbedded(t.database.pglite!, path.join(dir, 'backup.tar.gz'));
      const restored = await openDatabase({ pglite: await restoreEmbedded(path.join(dir, 'backup.tar.gz')) });
      expect(await counts(restored.db)).toEqual(before);
      await restored.pglite!.close();
    } else {
      const url = (t.database as { url?: string }).url!;
      dumpServer(url, path.join(dir, 'backup.dump'));
      const name = `cp_restore_${crypto.randomBytes(4).toString('hex')}`;
      const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
      await admin.unsafe(`CREATE DATABASE ${name}`);
      const target = new URL(serverUrl);
      target.pathname = `/${name}`;
      try {
        restoreServer(target.toString(), path.join(dir, 'backup.dump'));
        const restored = await openDatabase({ databaseUrl: target.toString() });
        expect(await counts(restored.db)).toEqual(before);
        await restored.close();
      } finally {
        await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin.end();
      }
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe.skipIf(!serverUrl)('the database connection drops in the middle of a request', () => {
  const killOthers = async (admin: postgres.Sql, db: string, spare = 0) =>
    admin`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ${db} AND pid <> pg_backend_pid() AND pid <> ${spare}`;

  it('an action waiting on a lock fails cleanly, stores nothing, and the server serves again without a restart', async () => {
    const url = new URL((t.database as { url?: string }).url!);
    const dbName = url.pathname.slice(1);
    const school = await t.as('school@test.cn');
    const [app] = (await school.get('/api/applications')).json();
    const holder = postgres(url.toString(), { max: 1, onnotice: () => {} });
    const admin = postgres(serverUrl!, { max: 1, onnotice: () => {} });
    const reserved = await holder.reserve();
    await reserved`BEGIN`;
    await reserved`SELECT id FROM applications WHERE id = ${app.id} FOR UPDATE`;
    const [{ pid }] = await reserved`SELECT pg_backend_pid() AS pid`;
    const pending = school.post(`/api/applications/${app.id}/actions/submit`, { version: app.version });
    // The action is under way once one of its statements waits for the lock held here.
    await waitUntil('the action waits on the row lock', async () => (await admin`
      SELECT 1 FROM pg_stat_activity WHERE datname = ${dbName} AND pid <> ${pid} AND wait_event_type = 'Lock'`).length > 0);
    await killOthers(admin, dbName, pid);
    await reserved`ROLLBACK`;
    reserved.release();
    const res = await pending;
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ error: 'service_unavailable' });
    const after = (await school.get(`/api/applications/${app.id}`)).json();
    expect(after).toMatchObject({ status: 'draft', version: app.version });
    expect((await school.post(`/api/applications/${app.id}/actions/submit`, { version: app.version })).statusCode).toBe(200);
    await admin.end();
    await holder.end();
  });

  it('an import cut off midway stores no row', async () => {
    const url = new URL((t.database as { url?: string }).url!);
    const admin = postgres(serverUrl!, { max: 1, onnotice: () => {} });
    const c = await t.as('school@test.cn');
    const before = (await counts(t.database.db)).students;
    const rows = Array.from({ length: 40_000 }, (_, i) => `F${i},学生${i},2024`).join('\n');
    let settled = false;
    const pending = t.app.inject({ method: 'POST', url: '/api/students/import', payload: `studentNo,name,cohortYear\n${rows}`, headers: { cookie: c.cookie, 'content-type': 'text/csv' } })
      .finally(() => { settled = true; });
    // Cut it off once it writes (a statement of the import is running), or at its end if it never showed one.
    await waitUntil('the import writes or ends', async () => settled || (await admin`
      SELECT 1 FROM pg_stat_activity WHERE datname = ${url.pathname.slice(1)} AND state = 'active' AND query ILIKE '%insert%students%'`).length > 0,
    { intervalMs: 10 });
    await killOthers(admin, url.pathname.slice(1));
    const res = await pending;
    expect([503, 200]).toContain(res.statusCode);
    const after = (await counts(t.database.db)).students;
    expect(after === before || after === before + 40_000).toBe(true);
    if (res.statusCode === 503) expect(after).toBe(before);
    expect((await c.get('/api/students')).statusCode).toBe(200);
    await admin.end();
  });
});

describe('the server process', () => {
  let server: ServerProcess | undefined;
  afterAll(() => { server?.child.kill('SIGKILL'); });

  /** A server process on the fixture's world in its own folder (loaded from the migrated template: no first start, no demo seed), signed in as the school. */
  async function startFixtureServer(env: Record<string, string> = {}) {
    const dataDir = tmp();
    const prepared = await createTestDataFolder(path.join(dataDir, 'pg'));
    await seedFixture(prepared.db);
    await prepared.close();
    const started = await startServerProcess({ DATA_DIR: dataDir, ...env });
    const login = await fetch(`${started.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'school@test.cn', password: PASSWORD }) });
    expect(login.status, await login.clone().text()).toBe(200);
    return { started, dataDir, cookie: login.headers.get('set-cookie')!.split(';')[0] };
  }

  it('finishes in-flight requests on SIGTERM, then exits cleanly', async () => {
    const ROWS = 3_000;
    const { started, dataDir, cookie } = await startFixtureServer();
    server = started;
    // Large enough to be real work, small enough to finish well inside the server's shutdown grace (120 s) on a busy
    // machine: the request is in flight by construction (below), not by being slow.
    const rows = Array.from({ length: ROWS }, (_, i) => `G${i},学生${i},2024`).join('\n');
    const body = Buffer.from(`studentNo,name,cohortYear\n${rows}`);
    // In flight for certain: the server has read the request's head (it answers 100 Continue) when SIGTERM is sent,
    // and its body follows the signal.
    const child = server.child;
    const inFlight = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = http.request(`${server!.baseUrl}/api/students/import`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'text/csv', 'content-length': body.length, expect: '100-continue' },
      }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d) => { text += d; });
        res.on('end', () => resolve({ status: res.statusCode!, text }));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.on('continue', () => {
        child.kill('SIGTERM');
        req.end(body);
      });
    });
    const res = await inFlight;
    expect(res.status, `${res.text}\n${server.output()}`).toBe(200);
    expect(JSON.parse(res.text)).toEqual({ created: ROWS });
    expect(await server.exited, server.output()).toBe(0);
    server = undefined;
    fs.rmSync(dataDir, { recursive: true, force: true });
  }, 300_000);

  it('while draining, readiness answers 503 and requests are still served; a request running past the grace is cut off and the exit says so', async () => {
    const { started, dataDir, cookie } = await startFixtureServer({ SHUTDOWN_DRAIN_SECONDS: '10', SHUTDOWN_GRACE_SECONDS: '1', LOG_LEVEL: 'info' });
    server = started;
    expect((await fetch(`${server.baseUrl}/api/health/ready`)).status).toBe(200);
    // An upload whose body never ends: in flight until the grace cuts it off.
    const cutOff = new Promise<string>((resolve) => {
      const req = http.request(`${server!.baseUrl}/api/students/import`, {
        method: 'POST', headers: { cookie, 'content-type': 'text/csv', 'content-length': 1_000_000, expect: '100-continue' },
      });
      req.on('continue', () => {
        req.write('studentNo,name,cohortYear\n');
        server!.child.kill('SIGTERM');
      });
      req.on('error', (e) => resolve(String(e)));
      req.on('response', (res) => resolve(`answered ${res.statusCode}`));
    });
    await waitUntil('readiness to answer 503 after SIGTERM', async () => (await fetch(`${server!.baseUrl}/api/health/ready`)).status === 503);
    const ready = await fetch(`${server.baseUrl}/api/health/ready`);
    expect(await ready.json()).toEqual({ status: 'draining' });
    expect((await fetch(`${server.baseUrl}/api/health`)).status).toBe(200); // still serving while draining
    expect(await server.exited, server.output()).toBe(1);
    expect(await cutOff).not.toMatch(/answered 2/);
    expect(server.output()).toContain('shutdown grace over');
    server = undefined;
    fs.rmSync(dataDir, { recursive: true, force: true });
  }, 300_000);
});
