import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import simpleRestProvider from 'ra-data-simple-rest';
import type { DataProvider, HttpError } from 'ra-core';
import { tiers } from '@campus/common';
import { startServer, type RunningServer } from './support/server.js';
import { apiGet, apiSignIn, cookieHttpClient, demoAccounts, listQuery } from './support/api.js';

/**
 * The API through react-admin's own data provider, as the SPA uses it: ra-data-simple-rest with
 * fetchUtils.fetchJson, against the real product on the embedded database with the demo data.
 * Expected values are computed from plain API reads (the whole list at once), so the test holds
 * for any demo data set that has schools in more than one region and tier.
 */

interface School {
  id: number;
  name: string;
  nameEn: string | null;
  city: string | null;
  regionId: number;
  province: string;
  tier: string | null;
  status: string;
}
interface Region {
  id: number;
  code: string;
  nameZh: string;
  nameEn: string;
}

let server: RunningServer;
let hqCookie: string;
let eastCookie: string;
let hq: DataProvider;
let east: DataProvider;
let allSchools: School[];
let regions: Region[];
let eastRegion: Region;

const api = <T>(cookie: string, path: string) => apiGet<T>(server.baseUrl, cookie, path);

beforeAll(async () => {
  server = await startServer({ web: false });
  hqCookie = await apiSignIn(server.baseUrl, demoAccounts.hq);
  eastCookie = await apiSignIn(server.baseUrl, demoAccounts.east);
  hq = simpleRestProvider(`${server.baseUrl}/api`, cookieHttpClient(hqCookie));
  east = simpleRestProvider(`${server.baseUrl}/api`, cookieHttpClient(eastCookie));

  const first = await api<School[]>(hqCookie, `/api/schools${listQuery({ range: [0, 0] })}`);
  expect(first.status).toBe(200);
  const all = await api<School[]>(hqCookie, `/api/schools${listQuery({ sort: ['id', 'ASC'], range: [0, Math.max(first.total! - 1, 0)] })}`);
  allSchools = all.json;
  regions = (await api<Region[]>(hqCookie, `/api/regions${listQuery({ range: [0, 99] })}`)).json;
  eastRegion = regions.find((r) => r.code === 'east' || r.nameEn === 'East China' || r.nameZh === '华东')!;
});

afterAll(async () => {
  await server?.stop();
});

const page = (n: number, perPage: number) => ({ page: n, perPage });
const byNumber = (a: number, b: number) => a - b;

describe('ra-data-simple-rest getList of schools', () => {
  it('the demo data has schools in several regions and tiers', () => {
    expect(allSchools.length).toBeGreaterThan(5);
    expect(new Set(allSchools.map((s) => s.regionId)).size).toBeGreaterThan(1);
    expect(new Set(allSchools.map((s) => s.tier)).size).toBeGreaterThan(2);
    expect(eastRegion).toBeDefined();
  });

  it('answers the first page with the same total as the API', async () => {
    const { data, total } = await hq.getList<School>('schools', { pagination: page(1, 10), sort: { field: 'name', order: 'ASC' }, filter: {} });
    expect(total).toBe(allSchools.length);
    expect(data).toHaveLength(Math.min(10, allSchools.length));
    const direct = await api<School[]>(hqCookie, `/api/schools${listQuery({ sort: ['name', 'ASC'], range: [0, 9] })}`);
    expect(data.map((s) => s.id)).toEqual(direct.json.map((s) => s.id));
  });

  it('pages through every school exactly once, in a stable order', async () => {
    const perPage = 7;
    const seen: number[] = [];
    for (let n = 1; (n - 1) * perPage < allSchools.length; n++) {
      const { data, total } = await hq.getList<School>('schools', { pagination: page(n, perPage), sort: { field: 'province', order: 'ASC' }, filter: {} });
      expect(total).toBe(allSchools.length);
      expect(data.length).toBe(Math.min(perPage, allSchools.length - (n - 1) * perPage));
      seen.push(...data.map((s) => s.id));
    }
    expect(seen).toHaveLength(allSchools.length);
    expect(new Set(seen).size).toBe(allSchools.length);
    const provinces = seen.map((id) => allSchools.find((s) => s.id === id)!.province);
    // Sorted by province: each province's schools come together.
    const runs = provinces.filter((p, i) => i === 0 || p !== provinces[i - 1]);
    expect(new Set(runs).size).toBe(runs.length);
  });

  it('a page past the end is empty and still tells the total', async () => {
    const { data, total } = await hq.getList('schools', { pagination: page(1000, 10), sort: { field: 'id', order: 'ASC' }, filter: {} });
    expect(data).toEqual([]);
    expect(total).toBe(allSchools.length);
  });

  it('sorts by id both ways', async () => {
    const perPage = allSchools.length;
    const asc = await hq.getList<School>('schools', { pagination: page(1, perPage), sort: { field: 'id', order: 'ASC' }, filter: {} });
    const desc = await hq.getList<School>('schools', { pagination: page(1, perPage), sort: { field: 'id', order: 'DESC' }, filter: {} });
    const ids = allSchools.map((s) => s.id).sort((a, b) => a - b);
    expect(asc.data.map((s) => s.id)).toEqual(ids);
    expect(desc.data.map((s) => s.id)).toEqual([...ids].reverse());
  });

  it('filters by tier (and "none" for schools without one), with totals that add up', async () => {
    let sum = 0;
    for (const tier of [...tiers, 'none']) {
      const { data, total } = await hq.getList<School>('schools', { pagination: page(1, 1000), sort: { field: 'name', order: 'ASC' }, filter: { tier } });
      const expected = allSchools.filter((s) => (tier === 'none' ? s.tier === null : s.tier === tier));
      expect(total, tier).toBe(expected.length);
      expect(data.map((s) => s.id).sort(byNumber), tier).toEqual(expected.map((s) => s.id).sort(byNumber));
      sum += total!;
    }
    expect(sum).toBe(allSchools.length);
  });

  it('filters by region, and by region and tier together', async () => {
    let sum = 0;
    for (const region of regions) {
      const { data, total } = await hq.getList<School>('schools', { pagination: page(1, 1000), sort: { field: 'name', order: 'ASC' }, filter: { regionId: region.id } });
      const expected = allSchools.filter((s) => s.regionId === region.id);
      expect(total, region.code).toBe(expected.length);
      expect(data.every((s) => s.regionId === region.id)).toBe(true);
      sum += total!;
    }
    expect(sum).toBe(allSchools.length);

    const sample = allSchools.find((s) => s.tier !== null)!;
    const both = await hq.getList<School>('schools', { pagination: page(1, 1000), sort: { field: 'id', order: 'ASC' }, filter: { regionId: sample.regionId, tier: sample.tier } });
    expect(both.data.map((s) => s.id)).toEqual(allSchools.filter((s) => s.regionId === sample.regionId && s.tier === sample.tier).map((s) => s.id));
    expect(both.data.map((s) => s.id)).toContain(sample.id);
  });

  it('searches with q in the name, English name and city', async () => {
    const sample = allSchools[Math.floor(allSchools.length / 2)];
    // A part of the name that is unlikely to be shared by every school.
    const q = [...sample.name].slice(0, 4).join('');
    const { data, total } = await hq.getList<School>('schools', { pagination: page(1, 1000), sort: { field: 'name', order: 'ASC' }, filter: { q } });
    const lower = q.toLowerCase();
    const expected = allSchools.filter((s) => [s.name, s.nameEn, s.city].some((v) => v?.toLowerCase().includes(lower)));
    expect(total).toBe(expected.length);
    expect(data.map((s) => s.id).sort(byNumber)).toEqual(expected.map((s) => s.id).sort(byNumber));
    expect(data.map((s) => s.id)).toContain(sample.id);

    const none = await hq.getList('schools', { pagination: page(1, 10), sort: { field: 'name', order: 'ASC' }, filter: { q: '不存在的院校名称 zzz' } });
    expect(none).toEqual({ data: [], total: 0 });
  });

  it('a bad sort field comes back as an HttpError 400 with the server\'s message', async () => {
    const error = (await hq.getList('schools', { pagination: page(1, 10), sort: { field: 'passwordHash', order: 'ASC' }, filter: {} }).catch((e) => e)) as HttpError;
    expect(error.status).toBe(400);
    expect(error.message).toContain('passwordHash');
    expect((error.body as { error: string }).error).toBe('validation_failed');
  });
});

describe('ra-data-simple-rest getOne and getMany', () => {
  it('getOne answers the record as the list shows it', async () => {
    const sample = allSchools[0];
    const { data } = await hq.getOne<School>('schools', { id: sample.id });
    expect(data).toMatchObject(sample);
  });

  it('getOne of a missing record is an HttpError 404', async () => {
    const error = (await hq.getOne('schools', { id: 999_999 }).catch((e) => e)) as HttpError;
    expect(error.status).toBe(404);
  });

  it('getMany answers exactly the records asked for', async () => {
    const ids = [allSchools[0].id, allSchools[allSchools.length - 1].id, allSchools[1].id];
    const { data } = await hq.getMany<School>('schools', { ids });
    expect(data.map((s) => s.id).sort(byNumber)).toEqual([...ids].sort(byNumber));
  });

  it('getMany answers every record asked for, also more than one page of a list', async () => {
    // react-admin batches the references of a whole list page (up to perPage ids) into one getMany,
    // which sends no range: the API must not cut it to its default page size.
    const ids = allSchools.slice(0, 60).map((s) => s.id);
    const { data } = await hq.getMany<School>('schools', { ids });
    expect(data.map((s) => s.id).sort(byNumber)).toEqual([...ids].sort(byNumber));
  });
});

describe('a regional user through ra-data-simple-rest', () => {
  it('east@demo.test gets only East China schools, with a total that counts only those', async () => {
    const eastSchools = allSchools.filter((s) => s.regionId === eastRegion.id);
    expect(eastSchools.length).toBeGreaterThan(0);
    expect(eastSchools.length).toBeLessThan(allSchools.length);
    const { data, total } = await east.getList<School>('schools', { pagination: page(1, 1000), sort: { field: 'name', order: 'ASC' }, filter: {} });
    expect(total).toBe(eastSchools.length);
    expect(data.every((s) => s.regionId === eastRegion.id)).toBe(true);
    expect(data.map((s) => s.id).sort(byNumber)).toEqual(eastSchools.map((s) => s.id).sort(byNumber));
    const direct = await api<School[]>(eastCookie, `/api/schools${listQuery({ range: [0, 0] })}`);
    expect(direct.total).toBe(eastSchools.length);
  });

  it('filters cannot widen the scope: another region\'s filter is empty, a tier filter stays in East China', async () => {
    const other = regions.find((r) => r.id !== eastRegion.id && allSchools.some((s) => s.regionId === r.id))!;
    expect(await east.getList('schools', { pagination: page(1, 10), sort: { field: 'id', order: 'ASC' }, filter: { regionId: other.id } })).toEqual({ data: [], total: 0 });
    for (const tier of tiers) {
      const { data, total } = await east.getList<School>('schools', { pagination: page(1, 1000), sort: { field: 'id', order: 'ASC' }, filter: { tier } });
      expect(total, tier).toBe(allSchools.filter((s) => s.regionId === eastRegion.id && s.tier === tier).length);
      expect(data.every((s) => s.regionId === eastRegion.id)).toBe(true);
    }
  });

  it('getOne of another region\'s school is 404, and getMany leaves it out', async () => {
    const outside = allSchools.find((s) => s.regionId !== eastRegion.id)!;
    const inside = allSchools.find((s) => s.regionId === eastRegion.id)!;
    const error = (await east.getOne('schools', { id: outside.id }).catch((e) => e)) as HttpError;
    expect(error.status).toBe(404);
    expect((await east.getOne<School>('schools', { id: inside.id })).data).toMatchObject(inside);
    const { data } = await east.getMany<School>('schools', { ids: [inside.id, outside.id] });
    expect(data.map((s) => s.id)).toEqual([inside.id]);
  });
});

describe('the server', () => {
  it('logged no errors during these journeys', () => {
    expect(server.errorLogs()).toEqual([]);
  });
});
