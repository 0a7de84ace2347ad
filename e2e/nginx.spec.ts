import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import postgres from 'postgres';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { freePort, startServer, type RunningServer } from './support/server.js';
import { launchBrowser, newPage, signIn } from './support/browser.js';
import { demoAccounts, DEMO_PASSWORD, listQuery } from './support/api.js';
import { nginxAvailable, startNginx, type RunningNginx } from './support/nginx.js';

/**
 * The product as an operator runs it behind a proxy (README "Behind a reverse proxy"): Debian's
 * nginx with docs/nginx.conf (TLS with a self-signed certificate, nginx's default Host rewrite,
 * X-Forwarded-*, round robin) in front of two compiled server processes (`node server/dist/server.js`,
 * as `npm start` runs it) on one fresh PostgreSQL database. nginx connects to the processes from
 * 127.0.0.2 (proxy_bind) and TRUST_PROXY names that address, so the processes can tell the proxy
 * from the browser on 127.0.0.1. Runs where E2E_DATABASE_URL names a server database whose user may
 * CREATE DATABASE (CI sets it) and nginx is installed (CI installs it).
 */
const adminUrl = process.env.E2E_DATABASE_URL;
const proxyAddress = '127.0.0.2';

interface Me { id: number; email: string }
interface School { id: number; name: string; version: number; contactPhone: string | null }
interface AuditEvent { id: number; action: string; entityId: number; data: { address?: string } | null }

/** fetch() inside the page: the browser's own request through nginx, with its cookie, Origin and Sec-Fetch-Site. */
async function inPage<T>(page: Page, pathAndQuery: string, init: { method?: string; headers?: Record<string, string>; body?: string; omitCredentials?: boolean } = {}): Promise<{ status: number; json: T }> {
  return page.evaluate(async ({ url, init }) => {
    const res = await fetch(url, { method: init.method ?? 'GET', headers: init.headers, body: init.body, credentials: init.omitCredentials ? 'omit' : 'same-origin' });
    const text = await res.text();
    return { status: res.status, json: (text ? JSON.parse(text) : undefined) };
  }, { url: pathAndQuery, init }) as Promise<{ status: number; json: T }>;
}

/** The access lines (msg "request") a server process logged for paths containing `part`. */
function accessLines(server: RunningServer, part: string): number {
  return server.output().split('\n').filter((line) => {
    try {
      const entry = JSON.parse(line) as { msg?: string };
      return entry.msg === 'request' && line.includes(part);
    } catch {
      return false;
    }
  }).length;
}

describe.runIf(!!adminUrl && nginxAvailable())('behind nginx: TLS, Host rewritten, two compiled processes on one PostgreSQL database', () => {
  const name = `cp_e2e_nginx_${crypto.randomBytes(4).toString('hex')}`;
  let databaseUrl: string;
  const servers: RunningServer[] = [];
  let nginx: RunningNginx | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let page: Page;
  let problems: string[];
  let created = false;
  const assets: { url: string; encoding: string | undefined }[] = [];

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
    const nginxPort = await freePort();
    const env = {
      DATABASE_URL: databaseUrl, SEED_DEMO: 'true', TRUST_PROXY: proxyAddress, COOKIE_SECURE: 'true',
      PUBLIC_URL: `https://127.0.0.1:${nginxPort}`, LOG_LEVEL: 'info',
    };
    // The first process migrates and loads the demo data; the second finds both done.
    servers.push(await startServer({ compiled: true, env }));
    servers.push(await startServer({ compiled: true, env }));
    nginx = await startNginx({ upstreams: servers.map((s) => `127.0.0.1:${s.port}`), proxyBind: proxyAddress, port: nginxPort });
    browser = await launchBrowser(['--ignore-certificate-errors']);
    ({ context, page, problems } = await newPage(browser, nginx.baseUrl));
    page.on('response', (res) => {
      if (/\/assets\/.+\.js$/.test(new URL(res.url()).pathname)) assets.push({ url: res.url(), encoding: res.headers()['content-encoding'] });
    });
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await nginx?.stop();
    for (const s of servers) await s.stop();
    if (created) {
      const admin = postgres(adminUrl!, { max: 1, onnotice: () => {} });
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  });

  it('both processes run the compiled server on the PostgreSQL database', () => {
    for (const s of servers) expect(s.health).toEqual({ status: 'ok', database: 'postgres' });
    expect(servers[0]!.output()).toContain('demo data loaded');
    expect(servers[1]!.output()).not.toContain('demo data loaded');
  });

  it('hq signs in through nginx in the browser; the session cookie is Secure; compression: the server\'s own for the app, nginx\'s for JSON', async () => {
    await signIn(page, demoAccounts.hq, DEMO_PASSWORD);
    const cookie = (await context!.cookies()).find((c) => c.name === 'cp_session');
    expect(cookie?.secure).toBe(true);
    expect(cookie?.httpOnly).toBe(true);
    // The app's files come as the server precompressed them (brotli for Chromium), untouched by nginx.
    const main = assets.filter((a) => /\/assets\/index-[\w-]+\.js$/.test(a.url));
    expect(main.length, JSON.stringify(assets)).toBeGreaterThanOrEqual(1);
    expect(main.every((a) => a.encoding === 'br'), JSON.stringify(main)).toBe(true);
    expect(assets.filter((a) => a.encoding && a.encoding !== 'br'), 'nginx compressed nothing the server had not').toEqual([]);
    // The API's JSON, which the server sends plain, nginx gzips.
    const json = await page.evaluate(async () => {
      const res = await fetch('/api/schools?range=%5B0%2C24%5D');
      return { status: res.status, encoding: res.headers.get('content-encoding'), bytes: (await res.text()).length };
    });
    expect(json.bytes).toBeGreaterThan(1024);
    expect(json).toMatchObject({ status: 200, encoding: 'gzip' });
  });

  it('a school edited in the UI is saved (a PUT through nginx passes the cross-site check despite the Host rewrite)', async () => {
    const list = await inPage<School[]>(page, `/api/schools${listQuery({ sort: ['id', 'ASC'], range: [0, 0] })}`);
    expect(list.status).toBe(200);
    const school = list.json[0]!;
    const phone = `0571-${String(crypto.randomInt(10_000_000, 99_999_999))}`;
    await page.goto(`/#/schools/${school.id}`);
    const input = page.locator('input[name="contactPhone"]');
    await input.waitFor({ state: 'visible', timeout: 90_000 });
    await input.fill(phone);
    const saved = page.waitForResponse((r) => r.url().endsWith(`/api/schools/${school.id}`) && r.request().method() === 'PUT');
    await page.locator('form button[type="submit"]').first().click();
    const res = await saved;
    expect(res.status(), await res.text()).toBe(200);
    const stored = await inPage<School>(page, `/api/schools/${school.id}`);
    expect(stored.json.contactPhone).toBe(phone);
    expect(stored.json.version).toBe(school.version + 1);
  });

  it('an evidence file of 2 MiB uploaded through nginx downloads whole from both processes', async () => {
    const list = await inPage<School[]>(page, `/api/schools${listQuery({ sort: ['id', 'ASC'], range: [0, 0] })}`);
    const schoolId = list.json[0]!.id;
    const before = servers.map((s) => accessLines(s, '/api/evidence'));
    const result = await page.evaluate(async ({ schoolId }) => {
      // (the page's Web Crypto: the test file's own `crypto` import does not exist in the browser)
      const webCrypto = globalThis.crypto;
      const size = 2 * 1024 * 1024;
      const bytes = new Uint8Array(size);
      for (let i = 0; i < size; i += 65_536) webCrypto.getRandomValues(bytes.subarray(i, Math.min(size, i + 65_536)));
      bytes.set(new TextEncoder().encode('%PDF-1.4\n'), 0);
      const digest = async (b: ArrayBuffer) => Array.from(new Uint8Array(await webCrypto.subtle.digest('SHA-256', b))).map((x) => x.toString(16).padStart(2, '0')).join('');
      const form = new FormData();
      form.set('entityType', 'school');
      form.set('entityId', String(schoolId));
      form.set('file', new Blob([bytes], { type: 'application/pdf' }), 'nginx-proof.pdf');
      const up = await fetch('/api/evidence', { method: 'POST', body: form });
      const uploaded = await up.json() as { id: number };
      const downloads: { status: number; digest: string; size: number }[] = [];
      if (up.status === 201) {
        // Round robin: eight downloads in a row go to both processes.
        for (let i = 0; i < 8; i++) {
          const res = await fetch(`/api/evidence/${uploaded.id}/download`);
          const body = await res.arrayBuffer();
          downloads.push({ status: res.status, digest: await digest(body), size: body.byteLength });
        }
      }
      return { status: up.status, body: uploaded, digest: await digest(bytes.buffer), downloads };
    }, { schoolId });
    expect(result.status, JSON.stringify(result.body)).toBe(201);
    expect(result.downloads).toHaveLength(8);
    for (const d of result.downloads) expect(d).toEqual({ status: 200, digest: result.digest, size: 2 * 1024 * 1024 });
    const served = servers.map((s, i) => accessLines(s, '/api/evidence') - before[i]!);
    expect(served.reduce((a, b) => a + b, 0)).toBe(9);
    expect(served[0], `access lines per process: ${served.join(' / ')}`).toBeGreaterThan(0);
    expect(served[1], `access lines per process: ${served.join(' / ')}`).toBeGreaterThan(0);
    // nginx's own log says the same: downloads answered by each upstream.
    const downloads = nginx!.accessLog().filter((l) => l.includes('/download'));
    for (const s of servers) expect(downloads.some((l) => l.startsWith(`127.0.0.1:${s.port} 200`)), downloads.join('\n')).toBe(true);
  });

  it("a sign-in's audit event records the browser's address as nginx forwarded it, not the proxy's nor a forged one", async () => {
    const me = await inPage<Me>(page, '/api/auth/me');
    expect(me.status).toBe(200);
    const hqLogins = await inPage<AuditEvent[]>(page, `/api/audit-events${listQuery({ filter: { entityType: 'user', entityId: me.json.id, action: 'login' }, sort: ['id', 'DESC'], range: [0, 0] })}`);
    expect(hqLogins.status).toBe(200);
    // The browser connects to nginx from 127.0.0.1; nginx connects to the processes from 127.0.0.2.
    expect(hqLogins.json[0]?.data?.address).toBe('127.0.0.1');

    // A client that sends its own X-Forwarded-For gets it kept in the chain, but only the address
    // the trusted proxy saw counts.
    const forged = await inPage<Me>(page, '/api/auth/login', {
      method: 'POST', omitCredentials: true,
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.7' },
      body: JSON.stringify({ email: demoAccounts.east, password: DEMO_PASSWORD }),
    });
    expect(forged.status).toBe(200);
    const eastLogins = await inPage<AuditEvent[]>(page, `/api/audit-events${listQuery({ filter: { entityType: 'user', entityId: forged.json.id, action: 'login' }, sort: ['id', 'DESC'], range: [0, 0] })}`);
    expect(eastLogins.json[0]?.data?.address).toBe('127.0.0.1');
  });

  it('nothing failed: no 5xx in the browser, no error lines in either process, no errors in nginx', () => {
    expect(problems).toEqual([]);
    for (const s of servers) expect(s.errorLogs()).toEqual([]);
    expect(nginx!.errorLog()).not.toMatch(/\[(error|crit|alert|emerg)\]/);
  });
});
