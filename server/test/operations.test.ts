import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import postgres from 'postgres';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestContext } from './test-app.js';
import { createDraft } from './application-builders.js';
import { queryRows } from '../src/db/raw.js';
import { dumpEmbedded, dumpServer, restoreEmbedded, restoreServer } from '../src/db/backup.js';
import { openDatabase } from '../src/db/client.js';

const serverUrl = process.env.DATABASE_URL;
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
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
    await new Promise((r) => setTimeout(r, 300));
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
    const pending = t.app.inject({ method: 'POST', url: '/api/students/import', payload: `studentNo,name,cohortYear\n${rows}`, headers: { cookie: c.cookie, 'content-type': 'text/csv' } });
    await new Promise((r) => setTimeout(r, 400));
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
  let child: ChildProcess | undefined;
  afterAll(() => { child?.kill('SIGKILL'); });

  it('finishes in-flight requests on SIGTERM, then exits cleanly', async () => {
    const dataDir = tmp();
    const port = 30000 + Math.floor(Math.random() * 20000);
    child = spawn(process.execPath, ['--import', 'tsx', 'server/src/server.ts'], {
      cwd: repo, env: { ...process.env, DATABASE_URL: '', DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', SEED_DEMO: 'true', LOG_LEVEL: 'warn', WEB_DIST: '/nonexistent' },
      stdio: 'ignore',
    });
    const base = `http://127.0.0.1:${port}`;
    for (let i = 0; i < 120; i++) {
      if (await fetch(`${base}/api/health`).then((r) => r.ok, () => false)) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'school@demo.test', password: 'demo1234' }) });
    const cookie = login.headers.get('set-cookie')!.split(';')[0];
    const rows = Array.from({ length: 30_000 }, (_, i) => `G${i},学生${i},2024`).join('\n');
    const inFlight = fetch(`${base}/api/students/import`, { method: 'POST', headers: { cookie, 'content-type': 'text/csv' }, body: `studentNo,name,cohortYear\n${rows}` });
    await new Promise((r) => setTimeout(r, 300));
    const exited = new Promise<number | null>((resolve) => child!.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    const res = await inFlight;
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ created: 30_000 });
    expect(await exited).toBe(0);
    child = undefined;
    fs.rmSync(dataDir, { recursive: true, force: true });
  }, 120_000);
});
