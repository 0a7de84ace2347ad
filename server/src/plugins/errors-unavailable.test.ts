import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerErrorHandler } from './errors.js';

/**
 * Issue 14 item 4: whatever way the database is unavailable (the server refuses connections, shuts
 * down, is starting, has no connection slot left, or the driver lost its socket), the client reads
 * 503 with Retry-After and the database_unavailable problem, never a 500.
 */
const app = Fastify();
/** The shapes the drivers throw: postgres.js (SQLSTATE or a socket code) and PGlite, also wrapped as drizzle's cause. */
const unavailable: Record<string, Error & { code: string }> = {};
for (const code of ['57P01', '57P02', '57P03', '53300', '55000', '08000', '08001', '08003', '08004', '08006', 'ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'CONNECT_TIMEOUT', 'CONNECTION_CLOSED', 'CONNECTION_ENDED', 'CONNECTION_DESTROYED']) {
  unavailable[code] = Object.assign(new Error(`driver says ${code}`), { code });
}
beforeAll(async () => {
  registerErrorHandler(app);
  app.get('/fail/:code', async (request) => {
    const { code } = request.params as { code: string };
    throw code.startsWith('wrapped-') ? Object.assign(new Error('Failed query: SELECT 1'), { cause: unavailable[code.slice(8)] }) : unavailable[code];
  });
  await app.ready();
});
afterAll(() => app.close());

describe('the database unavailable', () => {
  it.each(Object.keys(unavailable))('%s is 503 with Retry-After, bare and wrapped by the query builder', async (code) => {
    for (const path of [code, `wrapped-${code}`]) {
      const res = await app.inject({ method: 'GET', url: `/fail/${path}`, headers: { 'accept-language': 'zh-CN' } });
      expect(res.statusCode, path).toBe(503);
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      expect(res.json()).toMatchObject({ error: 'service_unavailable', code: 'database_unavailable' });
      expect(res.body).not.toContain('driver says');
    }
  });
});
