import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import postgres from 'postgres';
import type { Browser } from 'playwright-core';
import { startServer, type RunningServer } from './support/server.js';
import { launchBrowser, menuLabels, newPage, signIn, signOut } from './support/browser.js';
import { apiGet, apiSignIn, demoAccounts, listQuery } from './support/api.js';

/**
 * The product on a PostgreSQL server, as `DATABASE_URL=… SEED_DEMO=true npm start` runs it: the
 * migrations and the demo data set on a real server (the seed's own tests run on PGlite only).
 * Runs when E2E_DATABASE_URL names a server database whose user may CREATE DATABASE (CI sets it);
 * a fresh database is created for this file and dropped afterwards.
 */
const adminUrl = process.env.E2E_DATABASE_URL;

describe.runIf(!!adminUrl)('on a PostgreSQL server with SEED_DEMO=true', () => {
  const name = `cp_e2e_${crypto.randomBytes(5).toString('hex')}`;
  let databaseUrl: string;
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let created = false;

  const start = () => startServer({ env: { DATABASE_URL: databaseUrl, SEED_DEMO: 'true' } });

  beforeAll(async () => {
    const admin = postgres(adminUrl!, { max: 1, onnotice: () => {} });
    try {
      await admin.unsafe(`CREATE DATABASE ${name}`);
      created = true;
    } finally {
      await admin.end();
    }
    const url = new URL(adminUrl!);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    server = await start();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (created) {
      const admin = postgres(adminUrl!, { max: 1, onnotice: () => {} });
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  });

  it('starts on the server database, migrated and with the demo data set', async () => {
    expect(server!.health).toEqual({ status: 'ok', database: 'postgres' });
    const hq = await apiSignIn(server!.baseUrl, demoAccounts.hq);
    const schools = await apiGet(server!.baseUrl, hq, `/api/schools${listQuery({ range: [0, 0] })}`);
    expect(schools.total).toBeGreaterThan(5);
    const policies = await apiGet(server!.baseUrl, hq, `/api/tier-policies${listQuery({ range: [0, 0] })}`);
    expect(policies.total).toBeGreaterThanOrEqual(4);
  });

  it('every demo account signs in, and each sees its scope', async () => {
    const base = server!.baseUrl;
    const count = async (email: string) => (await apiGet(base, await apiSignIn(base, email), `/api/schools${listQuery({ range: [0, 0] })}`)).total!;
    const all = await count(demoAccounts.hq);
    const east = await count(demoAccounts.east);
    const south = await count(demoAccounts.south);
    expect(east).toBeGreaterThan(0);
    expect(south).toBeGreaterThan(0);
    expect(east + south).toBeLessThanOrEqual(all);
    expect(await count(demoAccounts.school)).toBe(1);
    expect(await count(demoAccounts.school2)).toBe(1);
    expect(await count(demoAccounts.provider)).toBe(1);
  });

  it('hq signs in through the login page and sees the administration menu', async () => {
    const { context, page, problems } = await newPage(browser!, server!.baseUrl);
    try {
      await signIn(page, demoAccounts.hq, 'demo1234');
      expect(await menuLabels(page)).toEqual(expect.arrayContaining(['工作台', '院校', '层次政策', '用户']));
      await signOut(page);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('a second start on the same database keeps the data and loads nothing twice', async () => {
    const hq = await apiSignIn(server!.baseUrl, demoAccounts.hq);
    const before = (await apiGet(server!.baseUrl, hq, `/api/schools${listQuery({ range: [0, 0] })}`)).total;
    const logs = server!.errorLogs();
    expect(server!.output()).toContain('demo data loaded');
    await server!.stop();
    server = await start();
    const again = await apiSignIn(server.baseUrl, demoAccounts.hq);
    expect((await apiGet(server.baseUrl, again, `/api/schools${listQuery({ range: [0, 0] })}`)).total).toBe(before);
    expect(server.output()).not.toContain('demo data loaded');
    expect(logs).toEqual([]);
    expect(server.errorLogs()).toEqual([]);
  });
});
