import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, startServerProcess, type ServerProcess } from '../../../test/server-process.js';
import { createTestDataFolder, createTestDatabase } from '../../../test/test-database.js';
import { startSmtpTestServer, type SmtpTestServer } from '../../../test/smtp-test-server.js';
import { waitUntil } from '../../../test/wait-until.js';
import { compiledEntry } from '../../../test/compiled-server.js';
import { seedFixture, PASSWORD } from '../../../test/fixtures.js';
import { openDatabase, type Database } from '../../db/client.js';
import { resetPassword } from '../auth/reset-password.js';

/**
 * Issue 13 item 10 and the operator's reset command, as an operator meets them: real server processes
 * and a real CLI process on an empty database (embedded, or the PostgreSQL server of DATABASE_URL).
 */
const embedded = !process.env.DATABASE_URL;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cp-first-start-'));
const stackTrace = /\n\s+at /;
/** A ceiling that ends a hang; a loaded machine starting several server processes never meets it. */
const LONG = 600_000;
const running: ServerProcess[] = [];
let smtp: SmtpTestServer;

interface EmptyDb { env: Record<string, string>; open(): Promise<Database>; close(): Promise<void> }

/** An empty migrated database (no users) for a server process: a data folder, or a database on the server. */
async function emptyDatabase(name: string, fill?: (db: Database) => Promise<void>): Promise<EmptyDb> {
  if (embedded) {
    const dataDir = path.join(work, name);
    const folder = await createTestDataFolder(path.join(dataDir, 'pg'));
    if (fill) await fill(folder);
    await folder.close();
    return { env: { DATA_DIR: dataDir }, open: () => openDatabase({ dataDir: path.join(dataDir, 'pg') }), close: async () => {} };
  }
  const database = await createTestDatabase();
  if (fill) await fill(database);
  return { env: { DATABASE_URL: database.url!, DATA_DIR: path.join(work, name) }, open: async () => ({ ...database, close: async () => {} }), close: () => database.close() };
}

async function start(env: Record<string, string>) {
  const server = await startServerProcess({ SEED_DEMO: 'false', ADMIN_EMAIL: '', ADMIN_PASSWORD: '', SMTP_URL: '', ...env });
  running.push(server);
  return server;
}
async function stop(server: ServerProcess) {
  server.child.kill('SIGTERM');
  await server.exited;
}
const post = (server: ServerProcess, url: string, body: unknown) =>
  fetch(`${server.baseUrl}${url}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const tokenIn = (text: string) => /[?&]token=([A-Za-z0-9_-]+)/.exec(text)?.[1];

const cli = (env: Record<string, string>, ...args: string[]) =>
  spawnSync(process.execPath, [...compiledEntry('reset-password-cli'), ...args], {
    cwd: repoRoot, encoding: 'utf8', env: { ...process.env, DATABASE_URL: '', LOG_LEVEL: 'warn', PUBLIC_URL: 'https://partner.example.com', ...env },
  });

beforeAll(async () => { smtp = await startSmtpTestServer(); });
afterAll(async () => {
  for (const s of running) if (s.child.exitCode === null) s.child.kill('SIGKILL');
  await smtp?.stop();
  fs.rmSync(work, { recursive: true, force: true });
});

describe('the first start', () => {
  // One empty database through three starts, in order.
  let db: EmptyDb;
  beforeAll(async () => { db = await emptyDatabase('first'); }, LONG);
  afterAll(async () => { await db?.close(); });

  it('without users, demo data or ADMIN_EMAIL says how to create the first account', async () => {
    const bare = await start(db.env);
    expect(bare.output()).toMatch(/NO ACCOUNT/);
    expect(bare.output()).toContain('ADMIN_EMAIL');
    await stop(bare);
  }, LONG);

  it('ADMIN_EMAIL alone (no SMTP_URL) creates the HQ account and prints its invitation link, which sets the password', async () => {
    const invited = await start({ ...db.env, ADMIN_EMAIL: 'Boss@Partner.test', PUBLIC_URL: 'https://partner.example.com' });
    expect(invited.output()).toContain('first HQ account created: boss@partner.test');
    expect(invited.output()).toMatch(/no SMTP_URL.*https:\/\/partner\.example\.com\/set-password\?token=/);
    const token = tokenIn(invited.output())!;
    expect((await post(invited, '/api/auth/login', { email: 'boss@partner.test', password: 'Chosen2026' })).status).toBe(401);
    const set = await post(invited, '/api/auth/reset-password', { token, password: 'Chosen2026', purpose: 'invitation' });
    expect(set.status, await set.clone().text()).toBe(200);
    expect((await post(invited, '/api/auth/login', { email: 'boss@partner.test', password: 'Chosen2026' })).status).toBe(200);
    await stop(invited);
  }, LONG);

  it('a restart with another ADMIN_PASSWORD changes nothing and says so, pointing to admin:reset-password', async () => {
    const again = await start({ ...db.env, ADMIN_EMAIL: 'boss@partner.test', ADMIN_PASSWORD: 'Another2026' });
    expect(again.output()).toMatch(/NOTICE: ADMIN_PASSWORD .* changes nothing/);
    expect(again.output()).toContain('npm run admin:reset-password -- boss@partner.test');
    expect((await post(again, '/api/auth/login', { email: 'boss@partner.test', password: 'Another2026' })).status).toBe(401);
    expect((await post(again, '/api/auth/login', { email: 'boss@partner.test', password: 'Chosen2026' })).status).toBe(200);
    if (embedded) {
      // The server holds the data folder: the command is refused, saying what to do, and changes nothing.
      const locked = cli(db.env, 'boss@partner.test');
      expect(locked.status).toBe(1);
      expect(locked.stderr).toMatch(/stop the server/);
      expect(locked.stderr).not.toMatch(stackTrace);
    }
    await stop(again);
  }, LONG);
});

describe('the first start with SMTP', () => {
  it('with SMTP_URL, ADMIN_EMAIL alone mails the invitation, delivered to the SMTP server', async () => {
    const db = await emptyDatabase('smtp');
    try {
      const server = await start({ ...db.env, ADMIN_EMAIL: 'mailed@partner.test', SMTP_URL: smtp.url, MAIL_POLL_SECONDS: '1', PUBLIC_URL: 'https://partner.example.com' });
      expect(server.output()).toContain('the invitation is mailed to mailed@partner.test');
      expect(server.output()).not.toContain('token=');
      const mail = await waitUntil('the invitation reaches the SMTP server', () => smtp.mails.find((m) => m.to.includes('mailed@partner.test')), { detail: () => server.output() });
      expect(mail.subject).toBe('您的校企合作平台账号');
      const token = tokenIn(mail.text)!;
      expect(mail.text).toContain('https://partner.example.com/set-password?token=');
      expect((await post(server, '/api/auth/reset-password', { token, password: 'Mailed2026' })).status).toBe(200);
      expect((await post(server, '/api/auth/login', { email: 'mailed@partner.test', password: 'Mailed2026' })).status).toBe(200);
      await stop(server);
    } finally {
      await db.close();
    }
  }, LONG);
});

describe('npm run admin:reset-password', () => {
  it('prints a one-time reset link for a known account; an unknown address is exit 1 with a sentence', async () => {
    const db = await emptyDatabase('cli', async (d) => { await seedFixture(d.db); });
    try {
      const run = cli(db.env, 'HQ@test.cn');
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout).toMatch(/https:\/\/partner\.example\.com\/reset-password\?token=[A-Za-z0-9_-]{43}/);
      const unknown = cli(db.env, 'nobody@test.cn');
      expect(unknown.status).toBe(1);
      expect(unknown.stderr).toContain('no account has the e-mail address nobody@test.cn');
      expect(unknown.stderr).not.toMatch(stackTrace);
      expect(cli(db.env).status).toBe(2);
      // The link works once, for that account.
      const database = await db.open();
      try {
        const done = await resetPassword(database.db, { token: tokenIn(run.stdout)!, password: 'Operator2026' }, 'test');
        expect(done.email).toBe('hq@test.cn');
        await expect(resetPassword(database.db, { token: tokenIn(run.stdout)!, password: PASSWORD }, 'test')).rejects.toMatchObject({ statusCode: 400 });
      } finally {
        await database.close();
      }
    } finally {
      await db.close();
    }
  }, LONG);
});
