import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../../test/test-app.js';
import { PASSWORD } from '../../test/fixtures.js';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import { queryRows } from '../db/raw.js';
import { joinBody } from '../modules/join-requests/join-test-helpers.js';
import { createLogger, safeError } from './logger.js';

/**
 * Issue 14 item 5: the log holds no personal data, SQL parameters or secrets. A whole session of a
 * server (signing in right and wrong, searching for a student by name, importing rows with
 * mistakes, inviting, asking for a reset, joining, a database refusal) at LOG_LEVEL=trace, then its
 * every line is searched for the names, e-mail addresses, passwords, session cookies and tokens used.
 */
let t: TestContext;
let app: FastifyInstance;
const lines: string[] = [];
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cp-log-'));
beforeAll(async () => {
  t = await createTestApp();
  const config = loadConfig({ LOG_LEVEL: 'trace', DATABASE_URL: (t.database as { url?: string }).url, WEB_DIST: '/nonexistent', DATA_DIR: dataDir });
  app = await buildApp(config, t.database, { loggerInstance: createLogger(config, { write: (line: string) => { lines.push(line); } }) });
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await t?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const send = (method: string, url: string, payload?: unknown, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> =>
  app.inject({ method: method as 'GET', url, payload: payload as object, headers: { 'accept-language': 'zh-CN', ...headers } });

describe('the log of a whole session', () => {
  it('is JSON, one event per line, with the route pattern, user and address on each access line, and none of the secrets or personal data used', async () => {
    const secrets: string[] = [PASSWORD, 'wrong-Password-9', 'hq@test.cn', 'school@test.cn', 'nobody@nowhere.cn', '张三丰', 'G-SECRET-7', '王老师', 'wang@hzvtc.edu.cn', 'invitee@test.cn', '新同事'];
    await send('POST', '/api/auth/login', { email: 'hq@test.cn', password: 'wrong-Password-9' });
    await send('POST', '/api/auth/login', { email: 'nobody@nowhere.cn', password: 'wrong-Password-9' });
    const hqLogin = await send('POST', '/api/auth/login', { email: 'hq@test.cn', password: PASSWORD });
    const hq = { cookie: `cp_session=${hqLogin.cookies.find((c) => c.name === 'cp_session')!.value}` };
    const schoolLogin = await send('POST', '/api/auth/login', { email: 'school@test.cn', password: PASSWORD });
    const school = { cookie: `cp_session=${schoolLogin.cookies.find((c) => c.name === 'cp_session')!.value}` };
    secrets.push(hq.cookie.split('=')[1], school.cookie.split('=')[1]);

    expect((await send('POST', '/api/students', { studentNo: 'G-SECRET-7', name: '张三丰', cohortYear: 2024 }, school)).statusCode).toBe(201);
    await send('POST', '/api/students', { studentNo: 'G-SECRET-7', name: '张三丰', cohortYear: 2024 }, school); // a duplicate: the database refuses
    await send('GET', `/api/students?filter=${encodeURIComponent(JSON.stringify({ q: '张三丰' }))}`, undefined, school);
    await send('POST', '/api/students/import', 'studentNo,name,cohortYear\nG-SECRET-7,张三丰,2024\nX1,张三丰,not-a-year\n', { ...school, 'content-type': 'text/csv' });
    await send('POST', '/api/users', { email: 'invitee@test.cn', name: '新同事', role: 'school', schoolId: t.fixture.schools.eastA.id }, hq);
    await send('POST', '/api/auth/forgot-password', { email: 'school@test.cn' });
    await send('POST', '/api/join-requests', joinBody());
    const tokens = (await queryRows<{ text: string }>(t.database.db, sql`SELECT text FROM mail_outbox`)).flatMap((m) => [...m.text.matchAll(/token=([\w-]+)/g)].map((x) => x[1]));
    expect(tokens.length).toBeGreaterThanOrEqual(3); // the invitation, the reset and the join confirmation
    for (const token of tokens) await send('POST', '/api/auth/reset-password', { token: `${token}x`, password: 'another-Passw0rd' });
    secrets.push(...tokens);

    const log = lines.join('');
    const events = lines.flatMap((chunk) => chunk.split('\n')).filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>);
    const access = events.filter((e) => e.msg === 'request');
    expect(access.length).toBeGreaterThanOrEqual(14);
    expect(access.find((e) => e.route === '/api/students' && e.method === 'GET')).toMatchObject({ status: 200, role: 'school', userId: expect.any(Number), ip: '127.0.0.1' });
    expect(access.some((e) => 'url' in e)).toBe(false);
    expect(secrets.filter((secret) => log.includes(secret))).toEqual([]);
  });
});

describe('an error in the log', () => {
  it('keeps its type, code, first line and frames; never the query parameters or an address', () => {
    const cause = Object.assign(new Error('duplicate key value violates unique constraint "users_email_unique"'), { code: '23505', parameters: ['zhang@school.cn', '张三'], query: 'insert into users …' });
    const error = Object.assign(new Error('Failed query: insert into "users" ("email", "name") values ($1, $2)\nparams: zhang@school.cn,张三'), { cause });
    const logged = JSON.stringify(safeError(error));
    expect(logged).toContain('Failed query: insert into');
    expect(logged).toContain('23505');
    expect(logged).not.toMatch(/zhang@school\.cn|张三|parameters/);
  });
});
