import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, listQuery, type TestContext } from '../../../test/test-app.js';

/**
 * Sort and filter keys are names a client chooses: names that every plain object inherits
 * (`__proto__`, `toString`, …) must be refused like any other unknown name, never looked up on a
 * prototype (which answered 500, or silently dropped the filter).
 */
let t: TestContext;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t?.close(); });

const inherited = ['__proto__', 'toString', 'constructor', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', '__defineGetter__'];
const roles = ['hq@test.cn', 'school@test.cn', 'provider@test.cn', 'east@test.cn'];

/** GET routes that read `sort` (or `filter`): an unknown name there is a 400 naming the parameter. */
async function listRoutes(param: 'sort' | 'filter') {
  const found: { url: string; email: string }[] = [];
  const probe = param === 'sort' ? { sort: ['no_such_field_zz', 'ASC'] as [string, string] } : { filter: { no_such_field_zz: 1 } };
  for (const { method, url } of t.app.routeTable) {
    if (method !== 'GET' || !url.startsWith('/api/') || url.includes(':') || url.includes('*')) continue;
    for (const email of roles) {
      const res = await (await t.as(email)).get(url, listQuery(probe));
      if (res.statusCode === 403) continue;
      const details = res.statusCode === 400 ? (res.json().details ?? []) as { field?: string }[] : [];
      if (details.some((d) => d.field?.startsWith(param))) found.push({ url, email });
      break;
    }
  }
  return found;
}

describe('prototype names as sort and filter keys', () => {
  it('every list refuses them as sort fields with a 400 naming "sort"', async () => {
    const lists = await listRoutes('sort');
    expect(lists.length).toBeGreaterThanOrEqual(15);
    const wrong: string[] = [];
    for (const { url, email } of lists) {
      for (const key of inherited) {
        const res = await (await t.as(email)).get(url, listQuery({ sort: [key, 'ASC'] }));
        const ok = res.statusCode === 400 && res.json().details?.[0]?.field === 'sort' && res.json().message.includes(key);
        if (!ok) wrong.push(`${url} sort ${key}: ${res.statusCode} ${res.body.slice(0, 120)}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('every list refuses them as filter names with a 400 naming the filter', async () => {
    const lists = await listRoutes('filter');
    expect(lists.length).toBeGreaterThanOrEqual(15);
    const wrong: string[] = [];
    for (const { url, email } of lists) {
      for (const key of inherited) {
        // JSON text, so that "__proto__" arrives as an own key, as a client would send it.
        const res = await (await t.as(email)).get(url, { filter: `{"${key}":1}` });
        const fields = res.statusCode === 400 ? ((res.json().details ?? []) as { field?: string }[]).map((d) => d.field) : [];
        if (!fields.some((f) => f === `filter.${key}` || f === 'filter')) wrong.push(`${url} filter ${key}: ${res.statusCode} ${res.body.slice(0, 120)}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('a filter object whose value is an object under "__proto__" is refused too, and the list still works after', async () => {
    const hq = await t.as('hq@test.cn');
    const res = await hq.get('/api/schools', { filter: '{"__proto__":{"regionId":1},"q":"x"}' });
    expect(res.statusCode).toBe(400);
    expect(res.json().details[0].field).toBe('filter.__proto__');
    expect((await hq.get('/api/schools', listQuery({ filter: { q: '职业' } }))).statusCode).toBe(200);
  });
});
