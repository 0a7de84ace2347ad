import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../../../test/test-app.js';
import { auditEvents, joinRequests, mailOutbox, notifications } from '../../db/schema/index.js';
import { confirmJoin, joinBody, mailsTo, requestsFor, submitJoin, tokenMailedTo } from './join-test-helpers.js';
import { JOIN_LIMITS } from './join-limits.js';

let t: TestContext;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t?.close(); });

describe('POST /api/join-requests (public)', () => {
  it('needs no sign-in: stores an unconfirmed request and mails the confirmation link in the requester’s language', async () => {
    const res = await submitJoin(t, joinBody({ email: 'Zhang@Hzvtc.edu.cn' }), { address: '10.1.0.1' });
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json()).toEqual({ ok: true });
    const [row] = await requestsFor(t, 'zhang@hzvtc.edu.cn');
    expect(row).toMatchObject({ status: 'unconfirmed', schoolName: '杭州职业技术学院', province: '浙江', kind: 'vocational', tier: 'talent_base', emailDomain: 'hzvtc.edu.cn', locale: 'zh', requesterAddress: '10.1.0.1', version: 1 });
    expect(row!.confirmTokenHash).toMatch(/^[0-9a-f]{64}$/);
    const [mail] = await mailsTo(t, 'zhang@hzvtc.edu.cn');
    expect(mail).toMatchObject({ kind: 'join_confirm', status: 'queued' });
    expect(mail!.subject).toMatch(/确认/);
    expect(mail!.text).toContain('杭州职业技术学院');
    const token = await tokenMailedTo(t, 'zhang@hzvtc.edu.cn');
    expect(mail!.text).toContain(`http://localhost:3000/join/confirm?token=${token}`);
    expect(row!.confirmTokenHash).not.toContain(token);
    // The requester files it: no actor, and the audit keeps neither the address nor the e-mail.
    const [event] = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.entityType, 'join_request'), eq(auditEvents.entityId, row!.id)));
    expect(event).toMatchObject({ action: 'create', actorId: null, toState: 'unconfirmed' });
    expect(JSON.stringify(event)).not.toContain('10.1.0.1');
  });

  it('an English page gets an English mail', async () => {
    expect((await submitJoin(t, joinBody({ email: 'li@en-school.edu.cn' }), { language: 'en-GB,en;q=0.9' })).statusCode).toBe(202);
    const [mail] = await mailsTo(t, 'li@en-school.edu.cn');
    expect(mail!.subject).toMatch(/confirm/i);
    expect((await requestsFor(t, 'li@en-school.edu.cn'))[0]!.locale).toBe('en');
  });

  it('every field is checked, with a length limit: 400 naming each field by code, in the requester’s language, nothing stored', async () => {
    const res = await submitJoin(t, { schoolName: '', province: '浙江', kind: 'college', contactName: 'x'.repeat(101), email: 'not-an-email', phone: '12', tier: 'gold' });
    expect(res.statusCode).toBe(400);
    const details = res.json().details as { field: string; code: string; message: string }[];
    const byField = Object.fromEntries(details.map((d) => [d.field.replace(/^body\./, ''), d.code]));
    expect(byField).toMatchObject({ schoolName: 'required', kind: 'invalid_option', contactName: 'too_long', email: 'invalid_email', phone: 'invalid_format', tier: 'invalid_option' });
    expect(res.json().message).toMatch(/[\u4e00-\u9fff]/);
    const long = await submitJoin(t, joinBody({ schoolName: '学'.repeat(101), email: `${'a'.repeat(250)}@x.cn` }), { language: 'en' });
    expect(long.statusCode).toBe(400);
    expect(long.json().details.map((d: { field: string; code: string }) => `${d.field}:${d.code}`).sort()).toEqual(['body.email:too_long', 'body.schoolName:too_long']);
    expect(long.json().message).not.toMatch(/[\u4e00-\u9fff]/);
    const extra = await submitJoin(t, { ...joinBody(), isAdmin: true });
    expect(extra.statusCode).toBe(400);
    expect(extra.json().details[0]).toMatchObject({ code: 'unknown_field' });
    const province = await submitJoin(t, joinBody({ province: '火星' }));
    expect(province.statusCode).toBe(400);
    expect(province.json().details[0]).toMatchObject({ field: 'province', code: 'join_province_unknown' });
    const [{ n }] = await t.database.db.select({ n: sql<number>`count(*)::int` }).from(joinRequests).where(eq(joinRequests.province, '火星'));
    expect(n).toBe(0);
  });

  it('malformed bodies are 400, never 500', async () => {
    for (const payload of ['{', '[]', 'null', JSON.stringify({ ...joinBody(), email: 5 })]) {
      const res = await t.app.inject({ method: 'POST', url: '/api/join-requests', payload, headers: { 'content-type': 'application/json' } });
      expect(res.statusCode, payload).toBe(400);
    }
  });

  it('the honeypot: a filled hidden field is answered exactly like success, and nothing is stored or mailed', async () => {
    const before = await t.database.db.select({ n: sql<number>`count(*)::int` }).from(joinRequests);
    const res = await submitJoin(t, joinBody({ email: 'bot@spam.cn', website: 'http://spam.example' }));
    const honest = await submitJoin(t, joinBody({ email: 'human@real.edu.cn', website: '' }));
    expect(res.statusCode).toBe(honest.statusCode);
    expect(res.body).toBe(honest.body);
    expect(await requestsFor(t, 'bot@spam.cn')).toEqual([]);
    expect(await mailsTo(t, 'bot@spam.cn')).toEqual([]);
    const after = await t.database.db.select({ n: sql<number>`count(*)::int` }).from(joinRequests);
    expect(after[0]!.n).toBe(before[0]!.n + 1);
  });

  it('a school or e-mail already known gets the same answer as a new one (nothing about other requests is told)', async () => {
    const first = await submitJoin(t, joinBody({ schoolName: '浙江金融职业学院', email: 'known@zfc.edu.cn' }));
    const again = await submitJoin(t, joinBody({ schoolName: '浙江金融职业学院', email: 'known@zfc.edu.cn' }));
    const fresh = await submitJoin(t, joinBody({ schoolName: '全新学院', email: 'new@fresh.edu.cn' }));
    const existingAccount = await submitJoin(t, joinBody({ email: 'school@test.cn' }));
    for (const r of [first, again, fresh, existingAccount]) {
      expect(r.statusCode).toBe(202);
      expect(r.body).toBe(first.body);
    }
  });

  it('throttled per e-mail address: 429 with Retry-After once one address has asked too often', async () => {
    const email = 'often@throttle-mail.edu.cn';
    for (let i = 0; i < JOIN_LIMITS.perEmail; i++) expect((await submitJoin(t, joinBody({ email }))).statusCode).toBe(202);
    const refused = await submitJoin(t, joinBody({ email: 'OFTEN@throttle-mail.edu.cn' }));
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toMatchObject({ code: 'too_many_join_requests' });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(await requestsFor(t, email)).toHaveLength(JOIN_LIMITS.perEmail);
  });

  it('throttled per requester address, whatever the e-mail', async () => {
    const address = '10.2.0.9';
    for (let i = 0; i < JOIN_LIMITS.perAddress; i++) {
      expect((await submitJoin(t, joinBody({ email: `a${i}@addr-${i}.edu.cn` }), { address })).statusCode).toBe(202);
    }
    const refused = await submitJoin(t, joinBody({ email: 'last@addr-last.edu.cn' }), { address });
    expect(refused.statusCode).toBe(429);
    expect(refused.json().code).toBe('too_many_join_requests');
    expect(await requestsFor(t, 'last@addr-last.edu.cn')).toEqual([]);
    expect((await submitJoin(t, joinBody({ email: 'other@addr-last.edu.cn' }), { address: '10.2.0.10' })).statusCode).toBe(202);
  });

  it(`at most ${JOIN_LIMITS.perDomainPerDay} open requests per e-mail domain in a day: the next is refused with a clear message`, async () => {
    for (let i = 0; i < JOIN_LIMITS.perDomainPerDay; i++) {
      expect((await submitJoin(t, joinBody({ email: `teacher${i}@busy.edu.cn` }))).statusCode).toBe(202);
    }
    const refused = await submitJoin(t, joinBody({ email: 'one-more@BUSY.edu.cn' }));
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toMatchObject({ code: 'join_too_many_from_domain', params: { domain: 'busy.edu.cn', limit: JOIN_LIMITS.perDomainPerDay } });
    expect(refused.json().message).toContain('busy.edu.cn');
    // A request filed more than a day ago no longer counts.
    await t.database.db.update(joinRequests).set({ createdAt: sql`now() - interval '25 hours'` }).where(eq(joinRequests.email, 'teacher0@busy.edu.cn'));
    expect((await submitJoin(t, joinBody({ email: 'one-more@busy.edu.cn' }))).statusCode).toBe(202);
  });

  it('a cross-site browser request is refused (CSRF), a same-site one is served', async () => {
    const cross = await submitJoin(t, joinBody({ email: 'x@csrf.edu.cn' }), { headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' } });
    expect(cross.statusCode).toBe(403);
    const same = await submitJoin(t, joinBody({ email: 'y@csrf.edu.cn' }), { headers: { origin: 'http://localhost:80', host: 'localhost:80', 'sec-fetch-site': 'same-origin' } });
    expect(same.statusCode).toBe(202);
  });

  it('GET /api/join-requests/provinces lists the provinces of the regions, for the page, without sign-in', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/join-requests/provinces' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(expect.arrayContaining(['浙江', '江苏', '广东', '北京']));
  });
});

describe('POST /api/join-requests/confirm', () => {
  it('a good token confirms the e-mail: pending, audited, and the staff of the province’s region and HQ are notified (not other regions)', async () => {
    expect((await submitJoin(t, joinBody({ schoolName: '广州番禺职业技术学院', province: '广东', email: 'chen@gzpyp.edu.cn' }))).statusCode).toBe(202);
    const res = await confirmJoin(t, await tokenMailedTo(t, 'chen@gzpyp.edu.cn'));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ ok: true });
    const [row] = await requestsFor(t, 'chen@gzpyp.edu.cn');
    expect(row).toMatchObject({ status: 'pending', version: 2 });
    expect(row!.confirmedAt).toBeInstanceOf(Date);
    const notified = await t.database.db.select({ userId: notifications.userId, kind: notifications.kind }).from(notifications)
      .where(and(eq(notifications.entityType, 'join_request'), eq(notifications.entityId, row!.id)));
    const { users } = t.fixture;
    expect(notified.map((n) => n.userId).sort()).toEqual([users['hq@test.cn']!.id, users['south@test.cn']!.id].sort());
    expect(notified.every((n) => n.kind === 'join_request.confirm')).toBe(true);
    const south = await t.as('south@test.cn');
    const list = (await south.get('/api/notifications')).json() as { entityType: string; entityId: number }[];
    expect(list.some((n) => n.entityType === 'join_request' && n.entityId === row!.id)).toBe(true);
    const [event] = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.entityType, 'join_request'), eq(auditEvents.entityId, row!.id), eq(auditEvents.action, 'confirm')));
    expect(event).toMatchObject({ fromState: 'unconfirmed', toState: 'pending', actorId: null });
  });

  it('a used token is 400 join_token_used and changes nothing', async () => {
    await submitJoin(t, joinBody({ email: 'twice@used.edu.cn' }));
    const token = await tokenMailedTo(t, 'twice@used.edu.cn');
    expect((await confirmJoin(t, token)).statusCode).toBe(200);
    const again = await confirmJoin(t, token, 'en');
    expect(again.statusCode).toBe(400);
    expect(again.json()).toMatchObject({ code: 'join_token_used' });
    expect(again.json().message).toMatch(/used/);
    expect((await requestsFor(t, 'twice@used.edu.cn'))[0]).toMatchObject({ status: 'pending', version: 2 });
  });

  it('an expired token is 400 join_token_expired (the request is marked expired) and no one is notified', async () => {
    await submitJoin(t, joinBody({ email: 'late@expired.edu.cn' }));
    const token = await tokenMailedTo(t, 'late@expired.edu.cn');
    await t.database.db.update(joinRequests).set({ confirmExpiresAt: sql`now() - interval '1 minute'` }).where(eq(joinRequests.email, 'late@expired.edu.cn'));
    const res = await confirmJoin(t, token);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'join_token_expired' });
    expect(res.json().message).toMatch(/过期/);
    const [row] = await requestsFor(t, 'late@expired.edu.cn');
    expect(row!.status).toBe('expired');
    expect((await confirmJoin(t, token)).json().code).toBe('join_token_expired');
    expect(await t.database.db.select().from(notifications).where(and(eq(notifications.entityType, 'join_request'), eq(notifications.entityId, row!.id)))).toEqual([]);
  });

  it('a forged or malformed token is 400 join_token_invalid; a wrong type is a 400 naming the field', async () => {
    for (const token of ['forged-token-that-was-never-issued', 'x', 'a'.repeat(43)]) {
      const res = await confirmJoin(t, token);
      expect(res.statusCode, token).toBe(400);
      expect(res.json().code).toBe('join_token_invalid');
    }
    const typed = await confirmJoin(t, 12345);
    expect(typed.statusCode).toBe(400);
    expect(typed.json().details[0]).toMatchObject({ field: 'body.token' });
    const empty = await t.app.inject({ method: 'POST', url: '/api/join-requests/confirm', payload: {} });
    expect(empty.statusCode).toBe(400);
  });

  it('unconfirmed requests are in nobody’s queue', async () => {
    await submitJoin(t, joinBody({ schoolName: '未确认学院', email: 'quiet@unconfirmed.edu.cn' }));
    const [row] = await requestsFor(t, 'quiet@unconfirmed.edu.cn');
    const hq = await t.as('hq@test.cn');
    expect((await hq.get(`/api/join-requests/${row!.id}`)).statusCode).toBe(404);
    const list = (await hq.get('/api/join-requests', { filter: JSON.stringify({ q: '未确认学院' }) })).json();
    expect(list).toEqual([]);
    expect((await t.database.db.select().from(mailOutbox).where(eq(mailOutbox.recipient, 'quiet@unconfirmed.edu.cn')))).toHaveLength(1);
  });
});
