import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../test/test-app.js';
import { appendAudit } from './modules/audit/audit-repository.js';
import { loadConfig, ConfigError } from './config.js';
import { BODY_LIMIT } from './app.js';

let t: TestContext;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t?.close(); });

describe('health and docs', () => {
  it('says which database it runs on', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.json()).toEqual({ status: 'ok', database: process.env.DATABASE_URL ? 'postgres' : 'embedded' });
  });

  it('serves the OpenAPI document to signed-in users', async () => {
    const c = await t.as('hq@test.cn');
    const doc = (await c.get('/api/docs')).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/schools', '/api/tier-policies/{id}', '/api/auth/login']));
    expect((await t.app.inject({ method: 'GET', url: '/api/docs' })).statusCode).toBe(401);
  });
});

describe('bad input never causes a 500', () => {
  it('malformed JSON is 400', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"email":' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: 'bad_request', message: expect.stringContaining('JSON') });
  });

  it('a body over 1 MiB is 413', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ email: 'a@b.cn', password: 'x'.repeat(BODY_LIMIT) }) });
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toBe('payload_too_large');
  });

  it('an unsupported content type is 415', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/xml' }, payload: '<a/>' });
    expect(res.statusCode).toBe(415);
    expect(res.json().error).toBe('unsupported_media_type');
  });

  it('wrong types are 400 with the field named', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: ['a'], password: 1 } });
    expect(res.statusCode).toBe(400);
    expect(res.json().details.map((d: { field: string }) => d.field)).toEqual(expect.arrayContaining(['body.email', 'body.password']));
  });

  it('an unknown API route is a JSON 404', async () => {
    const c = await t.as('hq@test.cn');
    const res = await c.get('/api/nothing-here');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ error: 'not_found' });
  });

  it('error bodies carry no stack trace or SQL', async () => {
    const c = await t.as('hq@test.cn');
    const res = await c.get('/api/schools', { filter: '{"regionId":[1,"x"]}' });
    expect(res.statusCode).toBe(400);
    expect(res.body).not.toMatch(/select |at .*\.ts:|stack/i);
  });
});

describe('security headers', () => {
  it('sends a Content-Security-Policy and the usual hardening headers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBeDefined();
    expect(res.headers['cache-control']).toBe('no-store');
  });
});

describe('audit events are append-only in the database itself', () => {
  it('refuses UPDATE, DELETE and TRUNCATE', async () => {
    const id = await appendAudit(t.database.db, { entityType: 'school', entityId: 1, action: 'remove_file', actorId: null, comment: 'test' });
    await expect(t.database.db.execute(sql`update audit_events set comment = 'x' where id = ${id}`)).rejects.toThrow();
    await expect(t.database.db.execute(sql`delete from audit_events where id = ${id}`)).rejects.toThrow();
    await expect(t.database.db.execute(sql`truncate audit_events`)).rejects.toThrow();
  });
});

describe('configuration', () => {
  it('has safe defaults for a first start', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ PORT: 3000, embedded: true, seedDemo: true });
    expect(loadConfig({ DATABASE_URL: 'postgres://x@localhost/db' })).toMatchObject({ embedded: false, seedDemo: false });
  });

  it('names the variable that is wrong', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ SEED_DEMO: 'maybe' })).toThrow(/SEED_DEMO/);
  });
});
