import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { acquireDataFolderLock, DataFolderLockedError, lockFileFor, type LockHolder } from '../src/db/data-folder-lock.js';
import { openDatabase } from '../src/db/client.js';
import { createTestDataFolder } from './test-database.js';
import { compiledEntry } from './compiled-server.js';
import { freePort } from './free-port.js';

/**
 * One embedded data folder may be opened by one process at a time (issue 11 item 2): a second server, the migrate
 * or backup CLI refuses to open a folder another process holds, naming the holder, and touches nothing; a holder
 * killed with -9 does not block the folder for ever. Real server processes on real folders, no mocks.
 */
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const ADMIN = { email: 'lock-admin@test.cn', password: 'lockadmin2026' };
const READY_DEADLINE_MS = 120_000;

interface Proc { child: ChildProcess; out: () => string; exited: Promise<number | null>; port?: number }
const running = new Set<ChildProcess>();
const folders: string[] = [];
afterEach(() => {
  for (const c of running) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  running.clear();
});
afterAll(() => { for (const f of folders) fs.rmSync(f, { recursive: true, force: true }); });

const tmp = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cp-lock-'));
  folders.push(dir);
  return dir;
};

function run(args: string[], env: Record<string, string>): Proc {
  const child = spawn(process.execPath, args, {
    cwd: repo,
    env: { ...process.env, DATABASE_URL: '', LOG_LEVEL: 'warn', WEB_DIST: '/nonexistent', SEED_DEMO: 'false', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let text = '';
  child.stdout!.on('data', (d) => { text += d; });
  child.stderr!.on('data', (d) => { text += d; });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, out: () => text, exited };
}

async function startServer(dataDir: string): Promise<Proc> {
  // A new folder starts as a migrated database (from the test template), not as a first start: what is tested here is
  // who may open it, and a first start costs seconds of initdb and migrations per server.
  if (!fs.existsSync(path.join(dataDir, 'pg'))) await (await createTestDataFolder(path.join(dataDir, 'pg'))).close();
  const port = await freePort();
  const p = run(compiledEntry('server'), { DATA_DIR: dataDir, PORT: String(port), ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password });
  p.port = port;
  return p;
}

const healthy = (port: number) => fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.ok, () => false);

/** Resolves when the server answers /api/health; fails loudly if it exits first or the deadline passes. */
async function waitReady(p: Proc) {
  const deadline = Date.now() + READY_DEADLINE_MS;
  let exited = false;
  void p.exited.then(() => { exited = true; });
  while (Date.now() < deadline) {
    if (await healthy(p.port!)) return;
    if (exited) throw new Error(`server on port ${p.port} exited with ${p.child.exitCode} before it was ready:\n${p.out()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server on port ${p.port} not ready within ${READY_DEADLINE_MS} ms:\n${p.out()}`);
}

/** The second process either exits (what we want) or comes up serving (the defect): whichever happens first. */
async function exitOrServe(p: Proc): Promise<{ kind: 'exited'; code: number | null } | { kind: 'serving' }> {
  const deadline = Date.now() + READY_DEADLINE_MS;
  let code: number | null | undefined;
  void p.exited.then((c) => { code = c; });
  while (Date.now() < deadline) {
    if (code !== undefined) return { kind: 'exited', code };
    if (p.port && await healthy(p.port)) return { kind: 'serving' };
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`second process neither exited nor served within ${READY_DEADLINE_MS} ms:\n${p.out()}`);
}

async function signIn(port: number) {
  const res = await fetch(`http://127.0.0.1:${port}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
  expect(res.status, await res.clone().text()).toBe(200);
  return res.headers.get('set-cookie')!.split(';')[0];
}

async function createUser(port: number, cookie: string, i: number) {
  const res = await fetch(`http://127.0.0.1:${port}/api/users`, {
    method: 'POST', headers: { cookie, 'content-type': 'application/json' },
    body: JSON.stringify({ email: `written${i}@lock.test`, name: `Written ${i}`, role: 'hq', password: 'written2026' }),
  });
  expect(res.status, await res.clone().text()).toBe(201);
}

async function writtenEmails(port: number, cookie: string) {
  const q = new URLSearchParams({ range: JSON.stringify([0, 999]), filter: JSON.stringify({ q: '@lock.test' }) });
  const res = await fetch(`http://127.0.0.1:${port}/api/users?${q}`, { headers: { cookie } });
  expect(res.status).toBe(200);
  return new Set(((await res.json()) as { email: string }[]).map((u) => u.email));
}

async function stop(p: Proc, signal: NodeJS.Signals) {
  if (p.child.exitCode !== null || p.child.signalCode !== null) return p.exited;
  p.child.kill(signal);
  return p.exited;
}

const holderWords = (pid: number) => [`pid ${pid}`, os.hostname(), compiledEntry('server').at(-1)!];

describe.skipIf(!!process.env.DATABASE_URL)('one embedded data folder, two processes', () => {
  // One running server, and every other process that would open its folder (a second server, the backup and the
  // migrate command) in turn: each refuses, naming the holder, and none touches a file of the folder.
  it('a second server, the backup and the migrate command refuse a folder a running server holds, naming it and touching nothing; the first keeps serving, and once it stops the backup runs', async () => {
    const dataDir = tmp();
    const first = await startServer(dataDir);
    await waitReady(first);
    const cookie = await signIn(first.port!);
    await createUser(first.port!, cookie, 0);
    const listing = () => fs.readdirSync(path.join(dataDir, 'pg'), { recursive: true }).map((f) => {
      const full = path.join(dataDir, 'pg', String(f));
      const st = fs.statSync(full);
      return `${f}:${st.isFile() ? `${st.size}:${st.mtimeMs}` : 'dir'}`;
    }).sort();
    const before = listing();

    const second = await startServer(dataDir);
    const outcome = await exitOrServe(second);
    expect(outcome, `the second server came up on the folder in use:\n${second.out()}`).toMatchObject({ kind: 'exited' });
    expect((outcome as { code: number }).code).not.toBe(0);
    for (const word of holderWords(first.child.pid!)) expect(second.out()).toContain(word);
    expect(second.out()).not.toMatch(/\n\s+at /); // a message, not a stack trace

    const file = path.join(dataDir, 'backups', 'b.tar.gz');
    const refused = run([...compiledEntry('backup-cli'), 'backup', file], { DATA_DIR: dataDir });
    expect(await refused.exited, refused.out()).not.toBe(0);
    for (const word of holderWords(first.child.pid!)) expect(refused.out()).toContain(word);
    expect(refused.out()).toMatch(/stop the server/i);
    expect(fs.existsSync(file)).toBe(false);
    const migrate = run(compiledEntry('migrate-cli'), { DATA_DIR: dataDir });
    expect(await migrate.exited, migrate.out()).not.toBe(0);
    expect(migrate.out()).toContain(`pid ${first.child.pid}`);
    expect(listing()).toEqual(before);

    expect(await healthy(first.port!)).toBe(true);
    await createUser(first.port!, cookie, 1);
    expect(await writtenEmails(first.port!, cookie)).toEqual(new Set(['written0@lock.test', 'written1@lock.test']));
    expect(await stop(first, 'SIGTERM')).toBe(0);
    expect(fs.existsSync(lockFileFor(path.join(dataDir, 'pg')))).toBe(false); // released on a normal exit
    const done = run([...compiledEntry('backup-cli'), 'backup', file], { DATA_DIR: dataDir });
    expect(await done.exited, done.out()).toBe(0);
    expect(fs.statSync(file).size).toBeGreaterThan(1000);
  }, 600_000);

  it('every acknowledged write survives a second process and a kill -9 of the first; the folder opens again', async () => {
    const dataDir = tmp();
    const N = 60;
    const first = await startServer(dataDir);
    await waitReady(first);
    const cookie = await signIn(first.port!);
    for (let i = 0; i < N / 2; i++) await createUser(first.port!, cookie, i);

    // What the issue saw: a second `npm start`, then the backup script, on the same folder while the first serves.
    const second = await startServer(dataDir);
    const outcome = await exitOrServe(second);
    if (outcome.kind === 'serving') await stop(second, 'SIGTERM');
    expect.soft(outcome, 'the second server came up on the folder in use').toMatchObject({ kind: 'exited' });
    const backup = run([...compiledEntry('backup-cli'), 'backup', path.join(dataDir, 'backup.tar.gz')], { DATA_DIR: dataDir });
    const backupCode = await backup.exited;
    expect.soft(backupCode, backup.out()).not.toBe(0);

    for (let i = N / 2; i < N; i++) await createUser(first.port!, cookie, i);
    first.child.kill('SIGKILL');
    await first.exited;

    const third = await startServer(dataDir);
    await waitReady(third); // a holder killed with -9 does not keep the folder locked
    const emails = await writtenEmails(third.port!, await signIn(third.port!));
    const missing = Array.from({ length: N }, (_, i) => `written${i}@lock.test`).filter((e) => !emails.has(e));
    expect(missing, `${missing.length} of ${N} acknowledged writes lost`).toEqual([]);
    expect(await stop(third, 'SIGTERM')).toBe(0);
  }, 600_000);
});

describe('the data folder lock', () => {
  it('is exclusive within one process too, and released by release()', async () => {
    const dir = path.join(tmp(), 'pg');
    const lock = acquireDataFolderLock(dir);
    expect(() => acquireDataFolderLock(dir)).toThrow(DataFolderLockedError);
    lock.release();
    acquireDataFolderLock(dir).release();
    expect(fs.existsSync(lockFileFor(dir))).toBe(false);
  });

  it('openDatabase on a held folder refuses before PGlite creates anything in it', async () => {
    const dir = path.join(tmp(), 'pg');
    const lock = acquireDataFolderLock(dir);
    await expect(openDatabase({ dataDir: dir })).rejects.toThrow(DataFolderLockedError);
    expect(fs.existsSync(dir)).toBe(false);
    lock.release();
  });

  it('a lock left by a process killed with -9 is taken over', async () => {
    const dir = path.join(tmp(), 'pg');
    const holder = run(['--import', 'tsx', '-e', `
      const { acquireDataFolderLock } = await import(${JSON.stringify(path.join(repo, 'server/src/db/data-folder-lock.ts'))});
      acquireDataFolderLock(${JSON.stringify(dir)});
      console.log('held');
      setInterval(() => {}, 1000);
    `], {});
    const deadline = Date.now() + READY_DEADLINE_MS;
    while (!holder.out().includes('held')) {
      if (holder.child.exitCode !== null || Date.now() > deadline) throw new Error(`holder did not take the lock:\n${holder.out()}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    let refusal: unknown;
    try { acquireDataFolderLock(dir); } catch (e) { refusal = e; }
    expect(refusal).toBeInstanceOf(DataFolderLockedError);
    expect((refusal as DataFolderLockedError).holder?.pid).toBe(holder.child.pid);
    holder.child.kill('SIGKILL');
    await holder.exited;
    acquireDataFolderLock(dir).release();
  }, 200_000);

  it('a lock naming a live pid that has since been reused by another process is taken over', async () => {
    const dir = path.join(tmp(), 'pg');
    const other = spawn('sleep', ['600'], { stdio: 'ignore' });
    running.add(other);
    const stale: LockHolder = { pid: other.pid!, host: os.hostname(), startedAt: new Date(0).toISOString(), command: 'node server/src/server.ts', processStart: '1', bootId: undefined };
    fs.mkdirSync(path.dirname(dir), { recursive: true });
    fs.writeFileSync(lockFileFor(dir), JSON.stringify(stale));
    acquireDataFolderLock(dir).release();
    other.kill('SIGKILL');
  });

  it('a lock held on another host is never taken over; the message says how to clear it', async () => {
    const dir = path.join(tmp(), 'pg');
    const elsewhere: LockHolder = { pid: 4242, host: 'another-host.example', startedAt: '2026-01-02T03:04:05.000Z', command: 'node server/src/server.ts', processStart: undefined, bootId: undefined };
    fs.mkdirSync(path.dirname(dir), { recursive: true });
    fs.writeFileSync(lockFileFor(dir), JSON.stringify(elsewhere));
    let refusal: unknown;
    try { acquireDataFolderLock(dir); } catch (e) { refusal = e; }
    expect(refusal).toBeInstanceOf(DataFolderLockedError);
    const message = (refusal as Error).message;
    for (const word of ['pid 4242', 'another-host.example', '2026-01-02T03:04:05', 'node server/src/server.ts', lockFileFor(dir)]) expect(message).toContain(word);
  });
});
