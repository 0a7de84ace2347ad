import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complianceRecordSchema, signedInUserSchema, trendPointSchema } from '@campus/common/api-schemas';
import { createTestApp, type TestContext } from './test-app.js';

/**
 * issue 12 item 6: /api/docs is the whole contract. Every route under /api declares its answer
 * (a 2xx schema) and the error body (4xx and 5xx), and the shared API records of @campus/common
 * are the schemas the routes declare, key for key.
 */
type JsonSchema = { type?: string; properties?: Record<string, JsonSchema>; items?: JsonSchema; anyOf?: JsonSchema[]; content?: Record<string, { schema: JsonSchema }> };
type Operation = { responses?: Record<string, JsonSchema & { content?: Record<string, { schema: JsonSchema }> }> };

let t: TestContext;
let paths: Record<string, Record<string, Operation>>;

beforeAll(async () => {
  t = await createTestApp();
  const res = await (await t.as('hq@test.cn')).get('/api/docs');
  expect(res.statusCode).toBe(200);
  paths = res.json().paths;
});
afterAll(async () => { await t?.close(); });

const schemaOf = (op: Operation, status: string) => op.responses?.[status]?.content?.['application/json']?.schema;
const keysOf = (schema: JsonSchema | undefined) => Object.keys(schema?.properties ?? {}).sort();

describe('/api/docs', () => {
  it('documents every route the app serves under /api (but itself)', () => {
    const served = new Set(t.app.routeTable.filter((r) => r.url.startsWith('/api/') && r.url !== '/api/docs')
      .map((r) => `${r.method.toLowerCase()} ${r.url.replace(/:(\w+)/g, '{$1}')}`));
    const documented = new Set(Object.entries(paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m} ${p}`)));
    expect([...served].filter((r) => !documented.has(r))).toEqual([]);
    expect(served.size).toBeGreaterThan(100);
  });

  it('gives every route an answer (2xx) and the error body for 4xx and 5xx', () => {
    const missing: string[] = [];
    let routes = 0;
    for (const [p, ops] of Object.entries(paths)) {
      for (const [method, op] of Object.entries(ops)) {
        routes++;
        const statuses = Object.keys(op.responses ?? {});
        // (a route without a schema is documented as a bare 200 'Default Response', with no content)
        if (!statuses.some((s) => /^2\d\d$/.test(s) && Object.keys(op.responses?.[s]?.content ?? {}).length)) missing.push(`${method} ${p}: no 2xx schema`);
        for (const s of ['4XX', '5XX']) {
          if (keysOf(schemaOf(op, s)).join() !== 'code,details,error,message,params') missing.push(`${method} ${p}: ${s} is not the error body`);
        }
      }
    }
    expect(missing).toEqual([]);
    expect(routes).toBeGreaterThan(100);
  });

  it('declares the shared compliance record, trend point and signed-in user, key for key', () => {
    const list = schemaOf(paths['/api/compliance'].get, '200');
    expect(list?.type).toBe('array');
    expect(keysOf(list?.items)).toEqual(Object.keys(complianceRecordSchema.shape).sort());
    expect(keysOf(schemaOf(paths['/api/compliance/{id}'].get, '200'))).toEqual(Object.keys(complianceRecordSchema.shape).sort());
    expect(keysOf(schemaOf(paths['/api/compliance/{id}/trend'].get, '200')?.items)).toEqual(Object.keys(trendPointSchema.shape).sort());
    expect(keysOf(schemaOf(paths['/api/auth/me'].get, '200'))).toEqual(Object.keys(signedInUserSchema.shape).sort());
  });

  it('describes a workflow record with its status, version and allowed actions', () => {
    const agreement = schemaOf(paths['/api/agreements/{id}'].get, '200');
    expect(keysOf(agreement)).toEqual(expect.arrayContaining(['id', 'status', 'version', 'allowedActions']));
  });
});
