import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { desc, eq } from 'drizzle-orm';
import { fixClock } from '@campus/common';
import { createTestApp, type TestContext } from '../../../test/test-app.js';
import { PASSWORD } from '../../../test/fixtures.js';
import { accountTokens, mailOutbox, sessions, users } from '../../db/schema/index.js';

let t: TestContext;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t?.close(); });
afterEach(() => fixClock(undefined));

let ip = 0;
/** Each call from its own address unless told, so the throttle of one test does not meet another's. */
const post = (url: string, payload: unknown, remoteAddress = `10.9.${Math.floor(++ip / 200)}.${ip % 200}`, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url, payload: payload as object, remoteAddress, headers });
const login = (email: string, password: string) => post('/api/auth/login', { email, password });

/** The latest mail of a kind to an address, and the token its link carries. */
async function lastMail(to: string, kind: string) {
  const [mail] = await t.database.db.select().from(mailOutbox).where(eq(mailOutbox.recipient, to)).orderBy(desc(mailOutbox.id)).limit(1);
  if (!mail || mail.kind !== kind) return undefined;
  const token = /[?&]token=([A-Za-z0-9_-]+)/.exec(mail.text)?.[1];
  return { ...mail, token: token! };
}
const mailCount = async (to: string) => (await t.database.db.select().from(mailOutbox).where(eq(mailOutbox.recipient, to))).length;
const account = async (email: string) => (await t.database.db.select().from(users).where(eq(users.email, email)))[0]!;

async function invite(email: string, locale?: 'zh' | 'en') {
  const hq = await t.as('hq@test.cn');
  const res = await hq.post('/api/users', { email, name: `院校 ${email}`, role: 'school', schoolId: t.fixture.schools.eastB.id, ...(locale ? { locale } : {}) });
  expect(res.statusCode, res.body).toBe(201);
  const mail = await lastMail(email, 'invitation');
  expect(mail, 'the invitation is in the outbox').toBeDefined();
  return { id: res.json().id as number, record: res.json(), mail: mail! };
}

describe('invitations', () => {
  it('an account created without a password gets an invitation mail (zh by default, en when asked) with a one-time link stored hashed', async () => {
    const { id, record, mail } = await invite('inv1@test.cn');
    expect(record).toMatchObject({ invitationPending: true, active: true, role: 'school' });
    expect(mail.subject).toContain('账号');
    expect(mail.text).toMatch(/\/set-password\?token=[A-Za-z0-9_-]{43}/);
    expect(mail.html).toContain('设置密码');
    expect(mail.userId).toBe(id);
    const stored = await t.database.db.select().from(accountTokens).where(eq(accountTokens.userId, id));
    expect(stored).toHaveLength(1);
    expect(stored[0]!.purpose).toBe('invitation');
    expect(stored[0]!.tokenHash).not.toContain(mail.token);
    expect(JSON.stringify(stored)).not.toContain(mail.token);
    expect(stored[0]!.expiresAt.getTime() - stored[0]!.createdAt.getTime()).toBe(7 * 24 * 3600_000);
    // No password yet: nothing signs in.
    expect((await login('inv1@test.cn', '')).statusCode).toBe(400);
    expect((await login('inv1@test.cn', 'anything1')).statusCode).toBe(401);
    const en = await invite('inv1en@test.cn', 'en');
    expect(en.mail.subject).toBe('Your Campus Partner account');
    expect(en.mail.text).toContain('Set my password');
  });

  it('the link sets the password once: the account is usable, the link is used, a second use is 400 and changes nothing', async () => {
    const { mail } = await invite('inv2@test.cn');
    const done = await post('/api/auth/reset-password', { token: mail.token, password: 'first2026', purpose: 'invitation' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toEqual({ ok: true, email: 'inv2@test.cn' });
    expect((await account('inv2@test.cn')).invitationPending).toBe(false);
    expect((await login('inv2@test.cn', 'first2026')).statusCode).toBe(200);
    const again = await post('/api/auth/reset-password', { token: mail.token, password: 'second2026' }, '10.1.1.1', { 'accept-language': 'zh-CN' });
    expect(again.statusCode).toBe(400);
    expect(again.json()).toMatchObject({ code: 'token_used', details: [{ field: 'token', code: 'token_used' }] });
    expect(again.json().message).toContain('已经用过');
    expect((await login('inv2@test.cn', 'second2026')).statusCode).toBe(401);
    expect((await login('inv2@test.cn', 'first2026')).statusCode).toBe(200);
  });

  it('an expired link is 400 and changes nothing (the clock moved past its 7 days)', async () => {
    const { mail } = await invite('inv3@test.cn');
    const before = await account('inv3@test.cn');
    fixClock(new Date(Date.now() + 7 * 24 * 3600_000 + 60_000));
    const res = await post('/api/auth/reset-password', { token: mail.token, password: 'late2026x' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'token_expired' });
    expect(res.json().message).toMatch(/expired/);
    expect(await account('inv3@test.cn')).toEqual(before);
    fixClock(new Date(Date.now() + 6 * 24 * 3600_000));
    expect((await post('/api/auth/reset-password', { token: mail.token, password: 'intime2026' })).statusCode).toBe(200);
  });

  it('a forged token, one of another purpose, or one given with a bad password is 400 and changes nothing', async () => {
    const { mail } = await invite('inv4@test.cn');
    const before = await account('inv4@test.cn');
    for (const token of ['x'.repeat(43), mail.token.slice(0, -1), `${mail.token}A`]) {
      const res = await post('/api/auth/reset-password', { token, password: 'forged2026' });
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe('token_invalid');
    }
    const wrongPurpose = await post('/api/auth/reset-password', { token: mail.token, password: 'purpose2026', purpose: 'reset' });
    expect(wrongPurpose.statusCode).toBe(400);
    expect(wrongPurpose.json().code).toBe('token_wrong_purpose');
    const weak = await post('/api/auth/reset-password', { token: mail.token, password: 'short' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().details[0]).toMatchObject({ field: 'password', code: 'password_too_short' });
    expect((await post('/api/auth/reset-password', { token: 'a'.repeat(201), password: 'long2026x' })).statusCode).toBe(400);
    expect((await post('/api/auth/reset-password', { password: 'none2026x' })).statusCode).toBe(400);
    expect(await account('inv4@test.cn')).toEqual(before);
    const open = await t.database.db.select().from(accountTokens).where(eq(accountTokens.userId, before.id));
    expect(open.every((r) => r.usedAt === null)).toBe(true);
  });

  it("one account's link never touches another account; resending closes the previous link", async () => {
    const a = await invite('inv5a@test.cn');
    const b = await invite('inv5b@test.cn');
    const bBefore = await account('inv5b@test.cn');
    expect((await post('/api/auth/reset-password', { token: a.mail.token, password: 'alpha2026' })).statusCode).toBe(200);
    expect(await account('inv5b@test.cn')).toEqual(bBefore);
    expect((await login('inv5b@test.cn', 'alpha2026')).statusCode).toBe(401);
    const hq = await t.as('hq@test.cn');
    const resent = await hq.post(`/api/users/${b.id}/actions/resend_invitation`, {});
    expect(resent.statusCode, resent.body).toBe(200);
    const second = await lastMail('inv5b@test.cn', 'invitation');
    expect(second!.token).not.toBe(b.mail.token);
    expect((await post('/api/auth/reset-password', { token: b.mail.token, password: 'bravo2026' })).json().code).toBe('token_used');
    expect((await post('/api/auth/reset-password', { token: second!.token, password: 'bravo2026' })).statusCode).toBe(200);
    expect((await login('inv5b@test.cn', 'bravo2026')).statusCode).toBe(200);
  });

  it("a deactivated account's links stop working", async () => {
    const { id, mail } = await invite('inv6@test.cn');
    const hq = await t.as('hq@test.cn');
    expect((await hq.post(`/api/users/${id}/actions/deactivate`, {})).statusCode).toBe(200);
    const res = await post('/api/auth/reset-password', { token: mail.token, password: 'inactive2026' });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('token_used');
    expect((await hq.post(`/api/users/${id}/actions/resend_invitation`, {})).statusCode).toBe(400);
  });
});

describe('forgotten password', () => {
  it('answers the same for a known and an unknown address; only the known one gets a reset link', async () => {
    const known = await post('/api/auth/forgot-password', { email: 'school2@test.cn' });
    const unknown = await post('/api/auth/forgot-password', { email: 'nobody@test.cn' });
    expect(known.statusCode).toBe(200);
    expect(unknown.statusCode).toBe(200);
    expect(unknown.body).toBe(known.body);
    expect(unknown.headers['content-length']).toBe(known.headers['content-length']);
    const mail = await lastMail('school2@test.cn', 'password_reset');
    expect(mail!.text).toMatch(/\/reset-password\?token=/);
    expect(await mailCount('nobody@test.cn')).toBe(0);
    const [token] = await t.database.db.select().from(accountTokens).where(eq(accountTokens.userId, t.fixture.users['school2@test.cn'].id));
    expect(token!.expiresAt.getTime() - token!.createdAt.getTime()).toBe(3600_000);
  });

  it('the reset sets the password and ends every session of the account; the old password and the link stop working', async () => {
    const email = 'south@test.cn';
    const cookies = [];
    for (let i = 0; i < 2; i++) {
      const res = await login(email, PASSWORD);
      expect(res.statusCode).toBe(200);
      cookies.push(`cp_session=${res.cookies.find((c) => c.name === 'cp_session')!.value}`);
    }
    for (const cookie of cookies) expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(200);
    expect((await post('/api/auth/forgot-password', { email })).statusCode).toBe(200);
    const mail = await lastMail(email, 'password_reset');
    const res = await post('/api/auth/reset-password', { token: mail!.token, password: 'southnew2026', purpose: 'reset' });
    expect(res.statusCode, res.body).toBe(200);
    for (const cookie of cookies) expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(401);
    expect(await t.database.db.select().from(sessions).where(eq(sessions.userId, t.fixture.users[email].id))).toHaveLength(0);
    expect((await login(email, PASSWORD)).statusCode).toBe(401);
    expect((await login(email, 'southnew2026')).statusCode).toBe(200);
    expect((await post('/api/auth/reset-password', { token: mail!.token, password: 'southnew2027' })).statusCode).toBe(400);
  });

  it('is throttled per e-mail (whatever the address) and per address (whatever the e-mail), the same for unknown addresses', async () => {
    for (const email of ['provider@test.cn', 'ghost@test.cn']) {
      for (let i = 0; i < 3; i++) expect((await post('/api/auth/forgot-password', { email })).statusCode).toBe(200);
      const refused = await post('/api/auth/forgot-password', { email });
      expect(refused.statusCode).toBe(429);
      expect(refused.json().code).toBe('too_many_reset_requests');
    }
    expect(await mailCount('provider@test.cn')).toBe(3);
    const from = '10.77.0.1';
    // Sent at once: each answer waits out the 250 ms floor, and thirty of them one after another spent 7.5 s waiting.
    const many = await Promise.all(Array.from({ length: 30 }, (_, i) => post('/api/auth/forgot-password', { email: `many${i}@test.cn` }, from)));
    expect(many.map((r) => r.statusCode)).toEqual(Array(30).fill(200));
    expect((await post('/api/auth/forgot-password', { email: 'many-last@test.cn' }, from)).statusCode).toBe(429);
    expect((await post('/api/auth/forgot-password', { email: 'many-last@test.cn' }, '10.77.0.2')).statusCode).toBe(200);
    expect((await post('/api/auth/forgot-password', { email: 'not an address' })).statusCode).toBe(400);
  });
});

describe('change my password', () => {
  it('is served at /api/auth/change-password, knowing the current one', async () => {
    const me = await t.as('school@test.cn');
    expect((await me.post('/api/auth/change-password', { currentPassword: 'wrong', newPassword: 'changed2026' })).json().code).toBe('current_password_wrong');
    expect((await me.post('/api/auth/change-password', { currentPassword: PASSWORD, newPassword: 'changed2026' })).statusCode).toBe(200);
    expect((await login('school@test.cn', 'changed2026')).statusCode).toBe(200);
  });
});
