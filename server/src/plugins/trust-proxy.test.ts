import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../../test/test-app.js';
import { PASSWORD } from '../../test/fixtures.js';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import { auditEvents, users } from '../db/schema/index.js';

/**
 * Issue 14 item 1: behind a reverse proxy named in TRUST_PROXY, the client's address, protocol and
 * host come from X-Forwarded-*; the sign-in throttle, the cross-site check and the audit trail use
 * them. Without TRUST_PROXY (the default) those headers are ignored: anyone could send them.
 */
let t: TestContext; // TRUST_PROXY unset
let behindProxy: FastifyInstance; // the same database, TRUST_PROXY=127.0.0.1 (inject's own address)
let hopCount: FastifyInstance; // TRUST_PROXY=1
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cp-proxy-'));
beforeAll(async () => {
  t = await createTestApp({ LOGIN_MAX_FAILURES: '3' });
  const config = (trust: string) => loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: (t.database as { url?: string }).url, WEB_DIST: '/nonexistent', DATA_DIR: dataDir, LOGIN_MAX_FAILURES: '3', TRUST_PROXY: trust });
  behindProxy = await buildApp(config('127.0.0.1'), t.database, { logger: false });
  hopCount = await buildApp(config('1'), t.database, { logger: false });
  await Promise.all([behindProxy.ready(), hopCount.ready()]);
});
afterAll(async () => {
  await behindProxy?.close();
  await hopCount?.close();
  await t?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** A sign-in as nginx passes it on: Host rewritten to the upstream, the browser's origin and address forwarded. */
const proxiedLogin = (app: FastifyInstance, email: string, password: string, client: string) => app.inject({
  method: 'POST', url: '/api/auth/login', payload: { email, password },
  headers: {
    host: '127.0.0.1:3000', origin: 'https://partner.example.cn', 'sec-fetch-site': 'same-origin',
    'x-forwarded-for': client, 'x-forwarded-host': 'partner.example.cn', 'x-forwarded-proto': 'https',
  },
});

describe('TRUST_PROXY names the proxy', () => {
  it('a browser behind a proxy that rewrites Host signs in (not refused as cross-site), with a hop count too', async () => {
    for (const app of [behindProxy, hopCount]) {
      const res = await proxiedLogin(app, 'hq@test.cn', PASSWORD, '203.0.113.9');
      expect(res.statusCode, `${app === behindProxy ? "list" : "hops"} ${res.body}`).toBe(200);
    }
  });

  it('a forged origin is still refused behind the proxy', async () => {
    const res = await behindProxy.inject({
      method: 'POST', url: '/api/auth/login', payload: { email: 'hq@test.cn', password: PASSWORD },
      headers: { host: '127.0.0.1:3000', origin: 'https://evil.example.com', 'x-forwarded-host': 'partner.example.cn', 'x-forwarded-proto': 'https' },
    });
    expect(res.statusCode).toBe(403);
  });

  it('failed sign-ins count against the forwarded client address, not the proxy, and the audit trail records it', async () => {
    for (let i = 0; i < 3; i++) expect((await proxiedLogin(behindProxy, 'east@test.cn', 'wrong-password1', '203.0.113.5')).statusCode).toBe(401);
    expect((await proxiedLogin(behindProxy, 'east@test.cn', PASSWORD, '203.0.113.5')).statusCode).toBe(429);
    // Another person behind the same proxy is not locked out.
    expect((await proxiedLogin(behindProxy, 'east@test.cn', PASSWORD, '198.51.100.7')).statusCode).toBe(200);
    const [user] = await t.database.db.select().from(users).where(eq(users.email, 'east@test.cn'));
    const logins = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.entityType, 'user'), eq(auditEvents.entityId, user.id), eq(auditEvents.action, 'login')));
    expect(logins.map((e) => (e.data as { address?: string }).address)).toContain('198.51.100.7');
  });
});

describe('without TRUST_PROXY (the default)', () => {
  it('X-Forwarded-Host does not make a rewritten Host acceptable, and X-Forwarded-For does not change who is throttled', async () => {
    expect((await proxiedLogin(t.app, 'hq@test.cn', PASSWORD, '203.0.113.9')).statusCode).toBe(403);
    const direct = (password: string, client: string) => t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'school@test.cn', password }, headers: { 'x-forwarded-for': client } });
    for (let i = 0; i < 3; i++) expect((await direct('wrong-password1', `203.0.113.${i + 20}`)).statusCode).toBe(401);
    expect((await direct(PASSWORD, '203.0.113.99')).statusCode).toBe(429);
  });
});

describe('the TRUST_PROXY setting', () => {
  it('reads false, a hop count, or addresses and ranges; anything else stops the start naming the variable', () => {
    const read = (value?: string) => loadConfig({ TRUST_PROXY: value }).TRUST_PROXY;
    expect(read()).toBe(false);
    expect(read('false')).toBe(false);
    expect(read('2')).toBe(2);
    expect(read('10.0.0.0/8, 127.0.0.1 ,loopback,::1')).toEqual(['10.0.0.0/8', '127.0.0.1', 'loopback', '::1']);
    expect(() => read('yes please')).toThrow(/TRUST_PROXY: must be false, a hop count, or addresses/);
  });
});
