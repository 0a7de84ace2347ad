import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, listQuery, type TestContext } from '../../../test/test-app.js';
import { appendAudit } from '../audit/audit-repository.js';

let t: TestContext;
let events: Record<string, number>;
beforeAll(async () => {
  t = await createTestApp();
  const { eastA, southA, northA } = t.fixture.schools;
  const hq = t.fixture.users['hq@test.cn'].id;
  events = {
    east: await appendAudit(t.database.db, { entityType: 'application', entityId: 1, action: 'submit', actorId: hq, schoolId: eastA.id, comment: 'east school' }),
    south: await appendAudit(t.database.db, { entityType: 'application', entityId: 2, action: 'submit', actorId: hq, schoolId: southA.id, comment: 'south school' }),
    north: await appendAudit(t.database.db, { entityType: 'application', entityId: 3, action: 'submit', actorId: hq, schoolId: northA.id, comment: 'north school' }),
    global: await appendAudit(t.database.db, { entityType: 'tier_policy', entityId: 1, action: 'update', actorId: hq, comment: 'programme-wide', data: { tier: 'pilot_1x', effectiveYear: 2026, changes: {} } }),
  };
});
afterAll(async () => { await t?.close(); });

const ids = (body: string) => (JSON.parse(body) as { id: number }[]).map((r) => r.id).sort((a, b) => a - b);

describe('audit events follow the school scope', () => {
  it('hq sees everything; others only events of schools in their scope', async () => {
    const expectSeen = async (email: string, keys: string[]) => {
      const res = await (await t.as(email)).get('/api/audit-events', listQuery({ filter: { entityType: ['application', 'tier_policy'] }, range: [0, 99] }));
      expect(res.statusCode).toBe(200);
      expect(ids(res.body)).toEqual(keys.map((k) => events[k]).sort((a, b) => a - b));
    };
    await expectSeen('hq@test.cn', ['east', 'south', 'north', 'global']);
    await expectSeen('east@test.cn', ['east']);
    await expectSeen('south@test.cn', ['south']);
    await expectSeen('school@test.cn', ['east']);
  });

  it('a regional user cannot reach another region\'s event by id, schoolId filter, getMany or search', async () => {
    const c = await t.as('east@test.cn');
    expect((await c.get(`/api/audit-events/${events.south}`)).statusCode).toBe(404);
    expect((await c.get(`/api/audit-events/${events.global}`)).statusCode).toBe(404);
    expect((await c.get('/api/audit-events', listQuery({ filter: { schoolId: t.fixture.schools.southA.id } }))).json()).toEqual([]);
    expect((await c.get('/api/audit-events', listQuery({ filter: { id: [events.south, events.north] } }))).json()).toEqual([]);
    expect((await c.get('/api/audit-events', listQuery({ filter: { q: 'south' } }))).json()).toEqual([]);
  });

  it('providers have no audit list', async () => {
    expect((await (await t.as('provider@test.cn')).get('/api/audit-events')).statusCode).toBe(403);
  });
});

describe('users: hq all, regional the school accounts of its regions', () => {
  it('hq lists users with their regions; regional staff only school accounts of their regions; other roles get 403', async () => {
    const hq = await t.as('hq@test.cn');
    const res = await hq.get('/api/users', listQuery({ filter: { role: 'regional' } }));
    expect(res.statusCode).toBe(200);
    const east = (res.json() as { email: string; regionIds: number[] }[]).find((u) => u.email === 'east@test.cn');
    expect(east?.regionIds).toEqual([t.fixture.regions.east.id]);
    expect(JSON.stringify(res.json())).not.toContain('argon2');
    const regional = await t.as('east@test.cn');
    const seen = (await regional.get('/api/users', listQuery({ range: [0, 99] }))).json() as { email: string; role: string }[];
    expect(seen.map((u) => u.email)).toEqual(['school@test.cn']);
    expect((await regional.get(`/api/users/${t.fixture.users['hq@test.cn'].id}`)).statusCode).toBe(404);
    expect((await regional.get(`/api/users/${t.fixture.users['school2@test.cn'].id}`)).statusCode).toBe(404);
    for (const email of ['school@test.cn', 'provider@test.cn']) {
      const c = await t.as(email);
      expect((await c.get('/api/users')).statusCode).toBe(403);
      expect((await c.get(`/api/users/${t.fixture.users['hq@test.cn'].id}`)).statusCode).toBe(403);
    }
  });
});

describe('regions', () => {
  it('every role reads the region list, searchable by name', async () => {
    const c = await t.as('school@test.cn');
    const res = await c.get('/api/regions', listQuery({ filter: { q: '华南' } }));
    expect(res.json()).toEqual([expect.objectContaining({ code: 'south', nameEn: 'South China' })]);
  });
});
