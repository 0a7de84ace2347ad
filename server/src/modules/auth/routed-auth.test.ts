import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../../test/test-app.js';
import { PASSWORD } from '../../../test/fixtures.js';

let t: TestContext;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t?.close(); });

const send = (method: 'GET' | 'POST', url: string, payload?: object) => t.app.inject({ method, url, payload });

/** The sign-in check is decided on the route the router chose, so another spelling of a path changes nothing. */
describe('authentication on the routed path', () => {
  const encodedGets = [
    '/%61pi/docs', '/api/%64ocs', '/%61%70%69/docs', '/%61pi/auth/me', '/api/auth/%6de', '/%61pi/schools', '/api/%73chools',
    '/%61pi/users', '/%61pi/audit-events', '/%2561pi/docs', '//api/docs', '//api/auth/me', '/API/docs', '/Api/auth/me', '/api//docs',
    '/api/docs/', '/api/auth/me?x=1', '/%61pi/docs?x=/api/',
  ];

  it.each(encodedGets)('GET %s without a cookie never answers the document or the data (401 or 404, never 500)', async (url) => {
    const res = await send('GET', url);
    expect([401, 404, 503]).toContain(res.statusCode);
    expect(res.body).not.toContain('openapi');
    expect(res.body).not.toContain('hq@test.cn');
    expect(res.body).not.toContain('浙江');
    if (res.statusCode !== 503) expect(res.json().error).toMatch(/unauthenticated|not_found/);
  });

  it('an encoded spelling of a real API route is 401, exactly as the plain one', async () => {
    for (const url of ['/%61pi/docs', '/api/%64ocs', '/%61pi/auth/me', '/%61pi/schools']) {
      const res = await send('GET', url);
      expect(res.statusCode, url).toBe(401);
      expect(res.json().error).toBe('unauthenticated');
    }
  });

  it('POST /%61pi/auth/password without a cookie is 401, not 500', async () => {
    for (const url of ['/%61pi/auth/password', '/api/auth/%70assword', '/%61pi/users']) {
      const res = await send('POST', url, { currentPassword: PASSWORD, newPassword: 'another2026' });
      expect(res.statusCode, url).toBe(401);
      expect(res.json().error).toBe('unauthenticated');
    }
  });

  it('public routes stay public under any spelling; signed-in users are served under any spelling', async () => {
    expect((await send('GET', '/%61pi/health')).statusCode).toBe(200);
    const login = await send('POST', '/%61pi/auth/login', { email: 'hq@test.cn', password: PASSWORD });
    expect(login.statusCode).toBe(200);
    const cookie = `cp_session=${login.cookies.find((c) => c.name === 'cp_session')!.value}`;
    const me = await t.app.inject({ method: 'GET', url: '/%61pi/auth/me', headers: { cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json().email).toBe('hq@test.cn');
    expect(me.headers['cache-control']).toBe('no-store');
    const docs = await t.app.inject({ method: 'GET', url: '/%61pi/docs', headers: { cookie } });
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['cache-control']).toBe('no-store');
  });

  it('every API route the app serves, except those marked public, is 401 without a cookie', async () => {
    // Signing in, out and back in (a forgotten password, an invitation's link), health and readiness, the join page, and
    // the public certificate check (issue 18).
    const publicRoutes = new Set([
      'POST /api/auth/login', 'POST /api/auth/logout', 'POST /api/auth/forgot-password', 'POST /api/auth/reset-password',
      'GET /api/health', 'GET /api/health/ready',
      'GET /api/join-requests/provinces', 'POST /api/join-requests', 'POST /api/join-requests/confirm',
      'GET /api/public/certificate-check',
    ]);
    for (const { method, url } of t.app.routeTable) {
      if (!url.startsWith('/api/') || publicRoutes.has(`${method} ${url}`)) continue;
      const concrete = url.replace(/:[A-Za-z]+/g, '1').replace(/^\/api\//, '/%61pi/');
      const res = await t.app.inject({ method: method as 'GET', url: concrete, payload: method === 'GET' || method === 'DELETE' ? undefined : {} });
      expect(res.statusCode, `${method} ${concrete}`).toBe(401);
    }
  });
});
