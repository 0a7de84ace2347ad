import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { createTestApp, type TestContext } from '../../../test/test-app.js';
import { startSmtpTestServer, type SmtpTestServer } from '../../../test/smtp-test-server.js';
import { waitUntil } from '../../../test/wait-until.js';
import { buildApp } from '../../app.js';
import { loadConfig } from '../../config.js';
import { openDatabase, type Database, type Db } from '../../db/client.js';
import { mailOutbox } from '../../db/schema/index.js';
import { queryRows } from '../../db/raw.js';
import { enqueueMail } from './enqueue-mail.js';
import { renderMail } from './render-mail.js';
import { createMailSender } from './mail-sender.js';
import { mailSettingsOf, retryDelayMs } from './mail-settings.js';
import { claimNextMail } from './outbox-claims.js';

let t: TestContext;
let smtp: SmtpTestServer;
const FROM = 'noreply@partner.test';

beforeAll(async () => {
  smtp = await startSmtpTestServer();
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
  await smtp?.stop();
});
beforeEach(async () => {
  await t.database.db.delete(mailOutbox);
  smtp.mails.length = 0;
  smtp.refuseWith(null);
});

const settings = (env: Record<string, string> = {}) => mailSettingsOf(loadConfig({
  SMTP_URL: smtp.url, MAIL_FROM: `Campus Partner <${FROM}>`, MAIL_RETRY_BASE_SECONDS: '3600', MAIL_RETRY_MAX_SECONDS: '86400', ...env,
}));
const sender = (env: Record<string, string> = {}, db: Db = t.database.db) => createMailSender({ db, settings: settings(env), log: t.app.log });

const invitation = () => renderMail({
  subject: '邀请您加入 Campus Partner',
  paragraphs: ['您好，张老师：', '总部为您开通了账号 <school@test.cn>。'],
  link: { label: '设置密码', url: 'http://localhost:3000/set-password?token=abc&x=1' },
});
const enqueue = (to = 'teacher@school.test', db: Db = t.database.db) => enqueueMail(db, { to, kind: 'invitation', ...invitation() });
const outboxRow = async (id: number) => (await t.database.db.select().from(mailOutbox).where(eq(mailOutbox.id, id)))[0]!;
/** Seconds from now until the mail is due again. */
const dueIn = async (id: number) => Number((await queryRows<{ s: number }>(t.database.db, sql`SELECT extract(epoch FROM next_attempt_at - now())::float8 AS s FROM mail_outbox WHERE id = ${id}`))[0]!.s);
/** As if the backoff had passed. */
const makeDue = (id: number) => t.database.db.update(mailOutbox).set({ nextAttemptAt: sql`now()` }).where(eq(mailOutbox.id, id));

describe('the outbox and the SMTP sender', () => {
  it('never sends a mail enqueued in a transaction that rolled back', async () => {
    await expect(t.database.db.transaction(async (tx) => {
      await enqueue('rolled@back.test', tx);
      throw new Error('the change failed');
    })).rejects.toThrow('the change failed');
    expect(await t.database.db.select().from(mailOutbox)).toEqual([]);
    await sender().runOnce();
    expect(smtp.mails).toEqual([]);
  });

  it('delivers an enqueued mail once, with its from, to, subject, text and HTML', async () => {
    const id = await enqueue();
    const s = sender();
    expect(await s.runOnce()).toMatchObject({ sent: 1 });
    expect(smtp.mails).toHaveLength(1);
    const [mail] = smtp.mails;
    expect(mail!.from).toBe(FROM);
    expect(mail!.to).toEqual(['teacher@school.test']);
    expect(mail!.subject).toBe('邀请您加入 Campus Partner');
    expect(mail!.text).toContain('总部为您开通了账号 <school@test.cn>。');
    expect(mail!.text).toContain('http://localhost:3000/set-password?token=abc&x=1');
    expect(mail!.html).toContain('总部为您开通了账号 &lt;school@test.cn&gt;。');
    expect(mail!.html).toContain('href="http://localhost:3000/set-password?token=abc&amp;x=1"');
    expect(mail!.messageId).toMatch(new RegExp(`^<outbox-${id}-`));
    const row = await outboxRow(id);
    expect(row).toMatchObject({ status: 'sent', attempts: 1, lastError: null, lockedUntil: null });
    expect(row.sentAt).toBeInstanceOf(Date);
    // Nothing is due any more: a second pass sends nothing again.
    expect(await s.runOnce()).toMatchObject({ sent: 0 });
    expect(smtp.mails).toHaveLength(1);
  });

  it('keeps the mail while the SMTP server is down, retries with growing delays and delivers it once when it is back', async () => {
    await smtp.stop();
    try {
      const id = await enqueue();
      const s = sender();
      await s.runOnce();
      let row = await outboxRow(id);
      expect(row).toMatchObject({ status: 'queued', attempts: 1, sentAt: null, lockedUntil: null });
      expect(row.lastError).toMatch(/ECONNREFUSED|connect/i);
      expect(await dueIn(id)).toBeGreaterThan(3500);
      expect(await dueIn(id)).toBeLessThanOrEqual(3600);
      // Not due yet: a pass leaves it alone.
      await s.runOnce();
      expect((await outboxRow(id)).attempts).toBe(1);
      await makeDue(id);
      await s.runOnce();
      row = await outboxRow(id);
      expect(row).toMatchObject({ status: 'queued', attempts: 2 });
      expect(await dueIn(id)).toBeGreaterThan(7100);
      expect(await dueIn(id)).toBeLessThanOrEqual(7200);
    } finally {
      await smtp.start();
    }
    const [{ id }] = await t.database.db.select({ id: mailOutbox.id }).from(mailOutbox);
    await makeDue(id);
    await sender().runOnce();
    expect(await outboxRow(id)).toMatchObject({ status: 'sent', attempts: 3 });
    expect(smtp.mails).toHaveLength(1);
    expect(smtp.mails[0]!.to).toEqual(['teacher@school.test']);
  });

  it('retries a mail the server answers with 4xx and delivers it once when the server takes it', async () => {
    smtp.refuseWith(451);
    const id = await enqueue();
    const s = sender();
    await s.runOnce();
    expect(await outboxRow(id)).toMatchObject({ status: 'queued', attempts: 1 });
    expect((await outboxRow(id)).lastError).toMatch(/451/);
    smtp.refuseWith(null);
    await makeDue(id);
    await s.runOnce();
    expect(await outboxRow(id)).toMatchObject({ status: 'sent', attempts: 2 });
    expect(smtp.mails).toHaveLength(1);
  });

  it('marks a mail failed after the last attempt, and a mail the server refuses for good (5xx) at once', async () => {
    smtp.refuseWith(451);
    const id = await enqueue();
    const s = sender({ MAIL_MAX_ATTEMPTS: '3' });
    for (let i = 0; i < 3; i++) {
      await makeDue(id);
      await s.runOnce();
    }
    expect(await outboxRow(id)).toMatchObject({ status: 'failed', attempts: 3, sentAt: null });
    await makeDue(id);
    await s.runOnce();
    expect((await outboxRow(id)).attempts).toBe(3);

    smtp.refuseWith(550);
    const refused = await enqueue('nobody@school.test');
    await s.runOnce();
    expect(await outboxRow(refused)).toMatchObject({ status: 'failed', attempts: 1 });
    expect((await outboxRow(refused)).lastError).toMatch(/550/);
    expect(smtp.mails).toEqual([]);
  });

  it('backs off exponentially up to the cap', () => {
    const base = 60_000, max = 3_600_000;
    expect([1, 2, 3, 4, 5, 6, 7, 8, 30].map((n) => retryDelayMs(n, base, max)))
      .toEqual([60_000, 120_000, 240_000, 480_000, 960_000, 1_920_000, 3_600_000, 3_600_000, 3_600_000]);
  });

  it('lends a claimed mail to one sender until its lease ends: a sender that crashed leaves it to another after that', async () => {
    const id = await enqueue();
    const db = t.database.db;
    const first = await claimNextMail(db, 3_600_000);
    expect(first).toMatchObject({ id, attempts: 1 });
    // While the lease lasts, nobody else takes it.
    expect(await claimNextMail(db, 3_600_000)).toBeUndefined();
    expect(await sender().runOnce()).toMatchObject({ sent: 0 });
    // The first sender "crashed": its lease runs out, and the mail is delivered by another.
    await db.update(mailOutbox).set({ lockedUntil: sql`now() - interval '1 second'` }).where(eq(mailOutbox.id, id));
    expect(await sender().runOnce()).toMatchObject({ sent: 1 });
    expect(await outboxRow(id)).toMatchObject({ status: 'sent', attempts: 2 });
    expect(smtp.mails).toHaveLength(1);
  });
});

describe('the sender running in the server', () => {
  /** Another app on the test database (on PostgreSQL with its own connections), sending through the test's SMTP server. */
  async function appWithSender(env: Record<string, string> = {}): Promise<{ app: FastifyInstance; close(): Promise<void> }> {
    const url = (t.database as { url?: string }).url;
    const database: Database = url ? await openDatabase({ databaseUrl: url, poolMax: 5 }) : t.database;
    const config = loadConfig({
      LOG_LEVEL: 'silent', DATABASE_URL: url, WEB_DIST: '/nonexistent', DATA_DIR: t.app.config.dataDir,
      SMTP_URL: smtp.url, MAIL_FROM: FROM, MAIL_POLL_SECONDS: '0.05', MAIL_RETRY_BASE_SECONDS: '0.05', ...env,
    });
    const app = await buildApp(config, database, { logger: false });
    await app.ready();
    return { app, close: async () => { await app.close(); if (url) await database.close(); } };
  }

  it('delivers what is enqueued without being asked, and stops with the app', async () => {
    const one = await appWithSender();
    try {
      expect(one.app.mailSender).toBeDefined();
      const id = await enqueue();
      await waitUntil('the mail is delivered by the running sender', () => smtp.mails.length === 1);
      await waitUntil('the mail is marked sent', async () => (await outboxRow(id)).status === 'sent');
    } finally {
      await one.close();
    }
    expect(one.app.mailSender!.running).toBe(false);
    expect(t.app.mailSender).toBeUndefined(); // no SMTP_URL: no sender, mails stay queued
  });

  it('retries on its own while the server refuses, and delivers once when it accepts', async () => {
    smtp.refuseWith(421);
    const one = await appWithSender({ MAIL_RETRY_MAX_SECONDS: '0.2' });
    try {
      const id = await enqueue();
      await waitUntil('three attempts refused', async () => (await outboxRow(id)).attempts >= 3);
      expect(smtp.mails).toEqual([]);
      smtp.refuseWith(null);
      await waitUntil('the mail is marked sent', async () => (await outboxRow(id)).status === 'sent');
      expect(smtp.mails).toHaveLength(1);
    } finally {
      await one.close();
    }
  });

  it('two servers sending from one outbox deliver every mail exactly once', async () => {
    const n = 40;
    await t.database.db.transaction(async (tx) => {
      for (let i = 0; i < n; i++) await enqueue(`person${i}@school.test`, tx);
    });
    const [a, b] = [await appWithSender(), await appWithSender()];
    try {
      await waitUntil(`${n} mails marked sent`, async () => {
        const [row] = await queryRows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM mail_outbox WHERE status = 'sent'`);
        return Number(row!.n) === n;
      }, { detail: () => `received ${smtp.mails.length}` });
    } finally {
      await a.close();
      await b.close();
    }
    expect(smtp.mails).toHaveLength(n);
    expect(new Set(smtp.mails.map((m) => m.to[0])).size).toBe(n);
    const attempts = await t.database.db.select({ attempts: mailOutbox.attempts }).from(mailOutbox);
    expect(attempts.every((r) => r.attempts === 1)).toBe(true);
  });
});
