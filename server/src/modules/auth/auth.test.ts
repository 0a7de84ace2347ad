import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../../../test/test-app.js';
import { PASSWORD } from '../../../test/fixtures.js';
import { queryRows } from '../../db/raw.js';

let t: TestContext;
beforeAll(async () => { t = await createTestApp({ LOGIN_MAX_FAILURES: '3' }); });
afterAll(async () => { await t?.close(); });

const login = (email: string, password: string, ip = '10.0.0.1') =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, remoteAddress: ip });

describe('sign-in', () => {
  it('sets an httpOnly SameSite=Lax session cookie and answers the user with role and scope', async () => {
    const res = await login('east@test.cn', PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'cp_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(res.json()).toMatchObject({ email: 'east@test.cn', role: 'regional', regionIds: [t.fixture.regions.east.id] });
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: `cp_session=${cookie.value}` } });
    expect(me.json()).toMatchObject({ role: 'regional', scope: { kind: 'regions', regionIds: [t.fixture.regions.east.id] } });
  });

  it('accepts the email in any case', async () => {
    expect((await login('School@Test.CN', PASSWORD)).statusCode).toBe(200);
  });

  it('stores only a digest of the session token', async () => {
    const res = await login('hq@test.cn', PASSWORD);
    const token = res.cookies.find((c) => c.name === 'cp_session')!.value;
    const rows = await queryRows<{ id: string }>(t.database.db, sql`select id from sessions`);
    expect(rows.some((r) => r.id === token)).toBe(false);
  });

  it('refuses a wrong password or unknown account with 401 and the same message', async () => {
    const a = await login('hq@test.cn', 'wrong-password', '10.0.0.2');
    const b = await login('nobody@test.cn', 'wrong-password', '10.0.0.2');
    expect(a.statusCode).toBe(401);
    expect(b.statusCode).toBe(401);
    expect(a.json().message).toBe(b.json().message);
  });

  it('throttles an account at an address after too many failures, even with the right password, with 429; other addresses are served', async () => {
    for (let i = 0; i < 3; i++) expect((await login('south@test.cn', 'nope-nope1', '10.0.0.3')).statusCode).toBe(401);
    const res = await login('south@test.cn', PASSWORD, '10.0.0.3');
    expect(res.statusCode).toBe(429);
    expect(res.json().error).toBe('too_many_requests');
    expect(res.headers['retry-after']).toBeDefined();
    expect((await login('south@test.cn', PASSWORD, '10.0.0.9')).statusCode).toBe(200);
  });

  it('throttles an address that tries many accounts, at a much higher ceiling (20 times the limit)', async () => {
    await Promise.all(Array.from({ length: 60 }, (_, i) => login(`guess${i}@test.cn`, 'nope-nope1', '10.0.0.4')));
    expect((await login('provider@test.cn', PASSWORD, '10.0.0.4')).statusCode).toBe(429);
    expect((await login('provider@test.cn', PASSWORD, '10.0.0.5')).statusCode).toBe(200);
  });

  it('rejects a malformed sign-in body with 400 naming the field', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'not-an-email', password: 'x' } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: 'validation_failed' });
    expect(res.json().message).toContain('email');
    const extra = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'hq@test.cn', password: PASSWORD, admin: true } });
    expect(extra.statusCode).toBe(400);
  });

  it('refuses a deactivated user', async () => {
    const c = await t.as('school2@test.cn');
    await t.fixture.deactivate('school2@test.cn');
    expect((await c.get('/api/auth/me')).statusCode).toBe(401);
    expect((await login('school2@test.cn', PASSWORD, '10.0.0.7')).statusCode).toBe(401);
  });
});

describe('sessions', () => {
  it('requires a session for the API, but not for health', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/schools' })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/health' })).json()).toMatchObject({ status: 'ok' });
    expect((await t.app.inject({ method: 'GET', url: '/api/schools', headers: { cookie: 'cp_session=forged' } })).statusCode).toBe(401);
  });

  it('logout ends the session on the server, so the old cookie no longer works', async () => {
    const res = await login('hq@test.cn', PASSWORD, '10.0.1.1');
    const cookie = `cp_session=${res.cookies.find((c) => c.name === 'cp_session')!.value}`;
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(200);
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } });
    expect(out.statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(401);
  });

  it('an expired session is refused', async () => {
    const res = await login('hq@test.cn', PASSWORD, '10.0.1.2');
    const cookie = `cp_session=${res.cookies.find((c) => c.name === 'cp_session')!.value}`;
    await t.database.db.execute(sql`update sessions set expires_at = now() - interval '1 second'`);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(401);
  });
});

describe('the session cache', () => {
  it("serves a session's user from memory for at most SESSION_CACHE_SECONDS after another process ends the session", async () => {
    const other = await createTestApp({ SESSION_CACHE_SECONDS: '0.5' });
    try {
      const res = await other.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'hq@test.cn', password: PASSWORD } });
      const cookie = `cp_session=${res.cookies.find((c) => c.name === 'cp_session')!.value}`;
      const me = () => other.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
      expect((await me()).statusCode).toBe(200);
      expect(other.app.actorCache.size).toBe(1);
      // Another process (here: SQL on the same database) ends every session.
      await other.database.db.execute(sql`delete from sessions`);
      await new Promise((r) => setTimeout(r, 600));
      expect((await me()).statusCode).toBe(401);
      expect(other.app.actorCache.size).toBe(0);
    } finally {
      await other.close();
    }
  });

  it('looks the session up on every request when SESSION_CACHE_SECONDS is 0', async () => {
    const other = await createTestApp({ SESSION_CACHE_SECONDS: '0' });
    try {
      const res = await other.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'hq@test.cn', password: PASSWORD } });
      const cookie = `cp_session=${res.cookies.find((c) => c.name === 'cp_session')!.value}`;
      const me = () => other.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
      expect((await me()).statusCode).toBe(200);
      await other.database.db.execute(sql`delete from sessions`);
      expect((await me()).statusCode).toBe(401);
    } finally {
      await other.close();
    }
  });
});

describe('cross-site requests', () => {
  it('refuses a state-changing request from another origin, and serves same-origin or non-browser clients', async () => {
    const c = await t.as('hq@test.cn');
    const cross = await c.post('/api/auth/logout', undefined, { origin: 'https://evil.example', host: 'localhost:80' });
    expect(cross.statusCode).toBe(403);
    const site = await c.post('/api/auth/logout', undefined, { 'sec-fetch-site': 'cross-site' });
    expect(site.statusCode).toBe(403);
    expect((await c.get('/api/auth/me')).statusCode).toBe(200);
    const same = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { origin: 'http://localhost:80', host: 'localhost:80' }, payload: { email: 'hq@test.cn', password: PASSWORD }, remoteAddress: '10.0.2.1' });
    expect(same.statusCode).toBe(200);
  });
});
