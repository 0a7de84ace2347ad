import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { createTestApp, type TestContext } from '../../../test/test-app.js';
import { PASSWORD } from '../../../test/fixtures.js';
import { buildApp } from '../../app.js';
import { loadConfig } from '../../config.js';
import { openDatabase, type Database } from '../../db/client.js';

const LIMIT = 5;
let t: TestContext;
beforeAll(async () => { t = await createTestApp({ LOGIN_MAX_FAILURES: String(LIMIT) }); });
afterAll(async () => { await t?.close(); });

const loginOn = (app: FastifyInstance, email: string, password: string, ip: string) =>
  app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, remoteAddress: ip });
const login = (email: string, password: string, ip: string) => loginOn(t.app, email, password, ip);

/** Responses that were not refused by the throttle: each of them had its password checked. */
const checked = (responses: LightMyRequestResponse[]) => responses.filter((r) => r.statusCode !== 429);

function expectRefusal(res: LightMyRequestResponse) {
  expect(res.statusCode).toBe(429);
  expect(res.json().error).toBe('too_many_requests');
  expect(res.json().message).toMatch(/try again in \d+ (second|minute)/);
  expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
}

/** A second server process on the same database: its own connection pool on PostgreSQL, the same PGlite embedded. */
async function secondProcess(): Promise<{ app: FastifyInstance; close(): Promise<void> }> {
  const url = (t.database as { url?: string }).url;
  const database: Database = url ? await openDatabase({ databaseUrl: url, poolMax: 10 }) : t.database;
  const config = loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: url, WEB_DIST: '/nonexistent', DATA_DIR: t.app.config.dataDir, LOGIN_MAX_FAILURES: String(LIMIT) });
  const app = await buildApp(config, database, { logger: false });
  await app.ready();
  return { app, close: async () => { await app.close(); if (url) await database.close(); } };
}

describe('the sign-in throttle under a burst of simultaneous guesses', () => {
  it(`checks at most ${LIMIT} of 200 simultaneous wrong guesses for one account from one address`, async () => {
    const burst = await Promise.all(Array.from({ length: 200 }, (_, i) => login('school@test.cn', `wrong-${i}-pass`, '10.1.0.1')));
    const passed = checked(burst);
    expect(passed.length).toBeLessThanOrEqual(LIMIT);
    expect(passed.length).toBeGreaterThan(0);
    expect(passed.every((r) => r.statusCode === 401)).toBe(true);
    for (const r of burst.filter((x) => x.statusCode === 429).slice(0, 3)) expectRefusal(r);
    // The real user at the same address waits too (backoff, not a lock-out others can impose)...
    expectRefusal(await login('school@test.cn', PASSWORD, '10.1.0.1'));
    // ...but the same account signs in from another address at once.
    expect((await login('school@test.cn', PASSWORD, '10.1.0.99')).statusCode).toBe(200);
  });

  it('a right password inside the burst, after the limit, does not sign in', async () => {
    const guesses = Array.from({ length: 200 }, (_, i) => (i === 150 ? PASSWORD : `wrong-${i}-pass`));
    const burst = await Promise.all(guesses.map((password) => login('east@test.cn', password, '10.1.0.2')));
    expect(burst.filter((r) => r.statusCode === 200)).toHaveLength(0);
    expect(burst[150].statusCode).toBe(429);
    expect(checked(burst).length).toBeLessThanOrEqual(LIMIT);
  });

  it(`two server processes on one database together check at most ${LIMIT} guesses`, async () => {
    const other = await secondProcess();
    try {
      const burst = await Promise.all(Array.from({ length: 200 }, (_, i) =>
        loginOn(i % 2 ? other.app : t.app, 'south@test.cn', `wrong-${i}-pass`, '10.1.0.3')));
      expect(checked(burst).length).toBeLessThanOrEqual(LIMIT);
      expect(burst.filter((r) => r.statusCode === 429).length).toBeGreaterThanOrEqual(200 - LIMIT);
      expectRefusal(await loginOn(other.app, 'south@test.cn', PASSWORD, '10.1.0.3'));
      expect((await loginOn(other.app, 'south@test.cn', PASSWORD, '10.1.0.4')).statusCode).toBe(200);
    } finally {
      await other.close();
    }
  });

  it('the wait doubles with each further failure and a success clears it', async () => {
    const ip = '10.1.0.5';
    for (let i = 0; i < LIMIT; i++) expect((await login('school2@test.cn', 'wrong-pass-1', ip)).statusCode).toBe(401);
    const first = await login('school2@test.cn', 'wrong-pass-1', ip);
    expectRefusal(first);
    // Let the wait pass (as time would), then fail once more: the next wait is about twice as long.
    await t.database.db.execute(sql`update login_throttle set blocked_until = now() - interval '1 second'`);
    expect((await login('school2@test.cn', 'wrong-pass-1', ip)).statusCode).toBe(401);
    const second = await login('school2@test.cn', 'wrong-pass-1', ip);
    expectRefusal(second);
    const [a, b] = [Number(first.headers['retry-after']), Number(second.headers['retry-after'])];
    expect(b).toBeGreaterThanOrEqual(a * 2 - 2);
    expect(b).toBeLessThanOrEqual(a * 2 + 2);
    // After the wait the right password signs in and forgets the failures.
    await t.database.db.execute(sql`update login_throttle set blocked_until = now() - interval '1 second'`);
    expect((await login('school2@test.cn', PASSWORD, ip)).statusCode).toBe(200);
    for (let i = 0; i < LIMIT - 1; i++) expect((await login('school2@test.cn', 'wrong-pass-1', ip)).statusCode).toBe(401);
  });

  it('an address that fails on many accounts meets a much higher ceiling, not the per-account limit', async () => {
    const ip = '10.1.0.6';
    const guesses = await Promise.all(Array.from({ length: LIMIT * 8 }, (_, i) => login(`guess${i}@test.cn`, 'wrong-pass-1', ip)));
    expect(guesses.every((r) => r.statusCode === 401)).toBe(true);
    expect((await login('provider@test.cn', PASSWORD, ip)).statusCode).toBe(200);
  });
});

describe('the password change is throttled like sign-in', () => {
  it(`checks at most ${LIMIT} of 50 simultaneous wrong current passwords, then refuses even the right one`, async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'provider@test.cn', password: PASSWORD }, remoteAddress: '10.1.1.1' });
    const cookie = `cp_session=${res.cookies.find((c) => c.name === 'cp_session')!.value}`;
    const change = (currentPassword: string) => t.app.inject({
      method: 'POST', url: '/api/auth/password', headers: { cookie }, remoteAddress: '10.1.1.1',
      payload: { currentPassword, newPassword: 'another2026' },
    });
    const burst = await Promise.all(Array.from({ length: 50 }, (_, i) => change(`wrong-${i}-pass`)));
    expect(checked(burst).length).toBeLessThanOrEqual(LIMIT);
    expect(checked(burst).every((r) => r.statusCode === 400)).toBe(true);
    expectRefusal(await change(PASSWORD));
    // The password was not changed.
    expect((await login('provider@test.cn', PASSWORD, '10.1.1.2')).statusCode).toBe(200);
  });
});
