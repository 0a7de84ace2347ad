import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { createTestDatabase } from './test-database.js';
import { PASSWORD, seedFixture, type Fixture } from './fixtures.js';
import type { Database } from '../src/db/client.js';

export interface TestContext {
  app: FastifyInstance;
  database: Database;
  fixture: Fixture;
  /** Signs in (once per email) and returns a client that sends that user's cookie. */
  as(email: string): Promise<Client>;
  close(): Promise<void>;
}

export interface Client {
  get(url: string, query?: Record<string, unknown>): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  put(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
  cookie: string;
}

/** ra-data-simple-rest's query string: sort, range and filter as JSON. */
export function listQuery(opts: { sort?: [string, string]; range?: [number, number]; filter?: Record<string, unknown> } = {}) {
  const q: Record<string, string> = {};
  if (opts.sort) q.sort = JSON.stringify(opts.sort);
  if (opts.range) q.range = JSON.stringify(opts.range);
  if (opts.filter) q.filter = JSON.stringify(opts.filter);
  return q;
}

export async function createTestApp(env: Record<string, string> = {}): Promise<TestContext> {
  const database = await createTestDatabase();
  const fixture = await seedFixture(database.db);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cp-test-'));
  const config = loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: (database as { url?: string }).url, WEB_DIST: '/nonexistent', DATA_DIR: dataDir, ...env });
  const app = await buildApp(config, database, { logger: false });
  await app.ready();
  const cookies = new Map<string, string>();

  const client = (cookie: string): Client => ({
    cookie,
    get: (url, query) => app.inject({ method: 'GET', url, query: query as Record<string, string>, headers: { cookie } }),
    post: (url, body, headers = {}) => app.inject({ method: 'POST', url, payload: body as object, headers: { cookie, ...headers } }),
    put: (url, body) => app.inject({ method: 'PUT', url, payload: body as object, headers: { cookie } }),
    delete: (url) => app.inject({ method: 'DELETE', url, headers: { cookie } }),
  });

  return {
    app, database, fixture,
    async as(email: string) {
      let cookie = cookies.get(email);
      if (!cookie) {
        const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: PASSWORD } });
        if (res.statusCode !== 200) throw new Error(`sign-in of ${email} failed: ${res.statusCode} ${res.body}`);
        const set = res.cookies.find((c) => c.name === 'cp_session');
        cookie = `cp_session=${set!.value}`;
        cookies.set(email, cookie);
      }
      return client(cookie);
    },
    async close() {
      await app.close();
      await database.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
