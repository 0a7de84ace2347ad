import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, listQuery, type TestContext } from '../../../test/test-app.js';

let t: TestContext;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t?.close(); });

const names = (body: string) => (JSON.parse(body) as { name: string }[]).map((s) => s.name).sort();

describe('schools list (ra-data-simple-rest protocol)', () => {
  it('lists with Content-Range, sorts and pages', async () => {
    const c = await t.as('hq@test.cn');
    const res = await c.get('/api/schools', listQuery({ sort: ['name', 'DESC'], range: [0, 1] }));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-range']).toBe('schools 0-1/5');
    expect(res.headers['access-control-expose-headers']).toContain('Content-Range');
    const page = res.json() as { name: string }[];
    expect(page).toHaveLength(2);
    expect(page[0].name.localeCompare(page[1].name, 'en', { sensitivity: 'variant' })).not.toBe(-2);
    const rest = await c.get('/api/schools', listQuery({ sort: ['name', 'DESC'], range: [2, 4] }));
    expect(rest.headers['content-range']).toBe('schools 2-4/5');
    const all = [...page, ...rest.json()].map((s) => s.id);
    expect(new Set(all).size).toBe(5);
  });

  it('a page past the end is empty with the true total', async () => {
    const c = await t.as('hq@test.cn');
    const res = await c.get('/api/schools', listQuery({ range: [50, 59] }));
    expect(res.json()).toEqual([]);
    expect(res.headers['content-range']).toBe('schools 50-50/5');
  });

  it('filters by region, tier (including "none") and status, and searches by name', async () => {
    const c = await t.as('hq@test.cn');
    const { east } = t.fixture.regions;
    expect(names((await c.get('/api/schools', listQuery({ filter: { regionId: east.id } }))).body)).toEqual(['义乌工商职业技术学院', '浙江金融职业学院'].sort());
    expect(names((await c.get('/api/schools', listQuery({ filter: { tier: 'talent_base' } }))).body)).toEqual(['广东轻工职业技术大学']);
    expect(names((await c.get('/api/schools', listQuery({ filter: { tier: 'none' } }))).body)).toEqual(['深圳职业技术大学']);
    expect(names((await c.get('/api/schools', listQuery({ filter: { status: ['prospect'] } }))).body)).toEqual(['深圳职业技术大学']);
    expect(names((await c.get('/api/schools', listQuery({ filter: { q: '金融' } }))).body)).toEqual(['浙江金融职业学院']);
    expect(names((await c.get('/api/schools', listQuery({ filter: { q: '%' } }))).body)).toEqual([]);
  });

  it('getMany by ids', async () => {
    const c = await t.as('hq@test.cn');
    const { eastA, southA } = t.fixture.schools;
    const res = await c.get('/api/schools', listQuery({ filter: { id: [eastA.id, southA.id] } }));
    expect((res.json() as { id: number }[]).map((s) => s.id).sort()).toEqual([eastA.id, southA.id].sort());
  });

  it.each([
    [{ sort: '["name"' }, 'sort'],
    [{ sort: '["name","UP"]' }, 'sort'],
    [{ sort: '["passwordHash","ASC"]' }, 'sort'],
    [{ range: '[5,1]' }, 'range'],
    [{ range: '[0,100000]' }, 'range'],
    [{ range: '["a","b"]' }, 'range'],
    [{ filter: '[1,2]' }, 'filter'],
    [{ filter: '{"nope":1}' }, 'nope'],
    [{ filter: '{"tier":"gold"}' }, 'tier'],
    [{ filter: '{"regionId":"east"}' }, 'regionId'],
    [{ filter: '{"id":["x"]}' }, 'id'],
    [{ filter: '{"q":{"$ne":1}}' }, 'q'],
  ])('a bad query string %j is 400 naming %s', async (query, word) => {
    const c = await t.as('hq@test.cn');
    const res = await c.get('/api/schools', query);
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toBe('validation_failed');
    expect(res.json().message).toContain(word);
  });

  it('a bad id is 400, a missing one 404', async () => {
    const c = await t.as('hq@test.cn');
    expect((await c.get('/api/schools/abc')).statusCode).toBe(400);
    expect((await c.get('/api/schools/99999')).statusCode).toBe(404);
    expect((await c.get('/api/schools/99999999999')).statusCode).toBe(400);
  });
});

describe('school scope', () => {
  const scoped = async (email: string) => names((await (await t.as(email)).get('/api/schools', listQuery({ range: [0, 99] }))).body);

  it('each role lists exactly the schools it may see', async () => {
    expect(await scoped('hq@test.cn')).toHaveLength(5);
    expect(await scoped('east@test.cn')).toEqual(['义乌工商职业技术学院', '浙江金融职业学院'].sort());
    expect(await scoped('south@test.cn')).toEqual(['广东轻工职业技术大学', '深圳职业技术大学'].sort());
    expect(await scoped('school@test.cn')).toEqual(['浙江金融职业学院']);
    expect(await scoped('provider@test.cn')).toEqual(['浙江金融职业学院']);
  });

  it('a regional user never sees a school outside their regions: not by id, filter, getMany or search', async () => {
    const c = await t.as('east@test.cn');
    const { southA, northA, eastA } = t.fixture.schools;
    expect((await c.get(`/api/schools/${southA.id}`)).statusCode).toBe(404);
    expect((await c.get(`/api/schools/${eastA.id}`)).statusCode).toBe(200);
    const viaFilter = await c.get('/api/schools', listQuery({ filter: { regionId: t.fixture.regions.south.id } }));
    expect(viaFilter.json()).toEqual([]);
    expect(viaFilter.headers['content-range']).toMatch(/\/0$/);
    expect((await c.get('/api/schools', listQuery({ filter: { id: [southA.id, northA.id] } }))).json()).toEqual([]);
    expect((await c.get('/api/schools', listQuery({ filter: { q: '深圳' } }))).json()).toEqual([]);
  });

  it('a school user reads only their own school', async () => {
    const c = await t.as('school@test.cn');
    expect((await c.get(`/api/schools/${t.fixture.schools.eastB.id}`)).statusCode).toBe(404);
    expect((await c.get(`/api/schools/${t.fixture.schools.eastA.id}`)).json()).toMatchObject({ name: '浙江金融职业学院' });
  });
});

describe('getMany', () => {
  it('answers every id asked for, beyond the default page of 25', async () => {
    const c = await t.as('hq@test.cn');
    const ids = Array.from({ length: 40 }, (_, i) => i + 1);
    const res = await c.get('/api/regions', listQuery({ filter: { id: ids } }));
    expect(res.statusCode).toBe(200);
    const { db } = t.database;
    const { regions } = await import('../../db/schema/index.js');
    await db.insert(regions).values(Array.from({ length: 30 }, (_, i) => ({ code: `extra_${String.fromCharCode(97 + i % 26)}${i}`.replace(/\d/g, (d) => String.fromCharCode(97 + Number(d))), nameZh: `区${i}`, nameEn: `R${i}` })));
    const all = (await c.get('/api/regions', listQuery({ range: [0, 99] }))).json() as { id: number }[];
    const many = await c.get('/api/regions', listQuery({ filter: { id: all.map((r) => r.id) } }));
    expect(many.json()).toHaveLength(all.length);
    expect(all.length).toBeGreaterThan(25);
  });
});
