import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { createTestApp, listQuery, type TestContext } from '../../../test/test-app.js';
import { auditEvents, mailOutbox } from '../../db/schema/index.js';
import { enqueueMail } from './enqueue-mail.js';
import { renderMail } from './render-mail.js';

let t: TestContext;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t?.close(); });
beforeEach(async () => { await t.database.db.delete(mailOutbox); });

const mail = (to: string, kind: string, subject = 'Hello') =>
  enqueueMail(t.database.db, { to, kind, ...renderMail({ subject, paragraphs: ['Dear <friend>,', 'a line'], link: { label: 'Open', url: 'http://localhost:3000/set-password?token=t1' } }) });

describe('HQ reads the outbox', () => {
  it('lists every mail, newest first, filtered by status, kind and recipient', async () => {
    const a = await mail('a@school.test', 'invitation');
    const b = await mail('b@school.test', 'password_reset');
    const c = await mail('c@school.test', 'digest');
    await t.database.db.update(mailOutbox).set({ status: 'failed', attempts: 8, lastError: '451 try later' }).where(eq(mailOutbox.id, b));
    await t.database.db.update(mailOutbox).set({ status: 'sent', sentAt: sql`now()`, attempts: 1 }).where(eq(mailOutbox.id, c));
    const hq = await t.as('hq@test.cn');

    const all = await hq.get('/api/mail-outbox', listQuery({ sort: ['id', 'DESC'] }));
    expect(all.statusCode).toBe(200);
    expect(all.json().map((m: { id: number }) => m.id)).toEqual([c, b, a]);
    expect(all.headers['content-range']).toBe('mail-outbox 0-2/3');
    expect(all.json()[1]).toMatchObject({ recipient: 'b@school.test', kind: 'password_reset', status: 'failed', attempts: 8, lastError: '451 try later', subject: 'Hello' });

    const ids = async (filter: Record<string, unknown>) =>
      (await hq.get('/api/mail-outbox', listQuery({ filter }))).json().map((m: { id: number }) => m.id);
    expect(await ids({ status: 'failed' })).toEqual([b]);
    expect(await ids({ status: ['queued', 'sent'] })).toEqual(expect.arrayContaining([a, c]));
    expect(await ids({ kind: 'invitation' })).toEqual([a]);
    expect(await ids({ recipient: 'C@School' })).toEqual([c]);
    expect(await ids({ q: 'b@school' })).toEqual([b]);
    expect((await hq.get('/api/mail-outbox', listQuery({ filter: { status: 'lost' } }))).statusCode).toBe(400);
  });

  it('shows one mail with its text and HTML', async () => {
    const id = await mail('a@school.test', 'invitation');
    const res = await (await t.as('hq@test.cn')).get(`/api/mail-outbox/${id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id, recipient: 'a@school.test', status: 'queued', attempts: 0, sentAt: null });
    expect(res.json().text).toContain('http://localhost:3000/set-password?token=t1');
    expect(res.json().html).toContain('Dear &lt;friend&gt;,');
    expect((await (await t.as('hq@test.cn')).get('/api/mail-outbox/999999')).statusCode).toBe(404);
  });

  it('hides the one-time token of a link once the mail is sent; a queued mail keeps it for HQ to hand over', async () => {
    const queued = await mail('q@school.test', 'invitation');
    const sent = await mail('s@school.test', 'invitation');
    await t.database.db.update(mailOutbox).set({ status: 'sent', sentAt: sql`now()`, attempts: 1 }).where(eq(mailOutbox.id, sent));
    const hq = await t.as('hq@test.cn');
    const one = async (id: number) => (await hq.get(`/api/mail-outbox/${id}`)).json() as { text: string; html: string };
    expect((await one(queued)).text).toContain('token=t1');
    for (const part of Object.values(await one(sent))) expect(String(part)).not.toContain('token=t1');
    expect((await one(sent)).text).toContain('token=(hidden once sent)');
    const listed = (await hq.get('/api/mail-outbox', listQuery({ filter: { status: 'sent' } }))).json() as { text: string; html: string }[];
    expect(listed.map((m) => `${m.text}${m.html}`).join('')).not.toContain('token=t1');
  });

  it('refuses everyone but HQ', async () => {
    const id = await mail('a@school.test', 'invitation');
    for (const email of ['east@test.cn', 'school@test.cn', 'provider@test.cn']) {
      const c = await t.as(email);
      expect((await c.get('/api/mail-outbox')).statusCode).toBe(403);
      expect((await c.get(`/api/mail-outbox/${id}`)).statusCode).toBe(403);
      expect((await c.post(`/api/mail-outbox/${id}/actions/retry`, {})).statusCode).toBe(403);
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/mail-outbox' })).statusCode).toBe(401);
  });

  it('HQ retries a failed mail: queued again with its attempts reset, audited; a sent mail is not sent again', async () => {
    const id = await mail('a@school.test', 'invitation');
    await t.database.db.update(mailOutbox).set({ status: 'failed', attempts: 8, lastError: '550 no such user', nextAttemptAt: sql`now() + interval '1 day'` }).where(eq(mailOutbox.id, id));
    const hq = await t.as('hq@test.cn');
    const res = await hq.post(`/api/mail-outbox/${id}/actions/retry`, {});
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id, status: 'queued', attempts: 0, lastError: '550 no such user' });
    const [due] = await t.database.db.select({ due: sql<boolean>`${mailOutbox.nextAttemptAt} <= now()` }).from(mailOutbox).where(eq(mailOutbox.id, id));
    expect(due!.due).toBe(true);
    const events = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.entityType, 'mail'), eq(auditEvents.entityId, id)));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: 'retry', fromState: 'failed', toState: 'queued', actorId: t.fixture.users['hq@test.cn']!.id });

    await t.database.db.update(mailOutbox).set({ status: 'sent', sentAt: sql`now()` }).where(eq(mailOutbox.id, id));
    const again = await hq.post(`/api/mail-outbox/${id}/actions/retry`, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('mail_already_sent');
    expect((await hq.post('/api/mail-outbox/999999/actions/retry', {})).statusCode).toBe(404);
  });
});
