import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, gt, inArray } from 'drizzle-orm';
import { todayInChina } from '@campus/common';
import { createTestApp, listQuery, type TestContext } from '../../../test/test-app.js';
import { PASSWORD_HASH } from '../../../test/fixtures.js';
import { agreements, applications, auditEvents, complianceSummaries, schools, userRegions, users } from '../../db/schema/index.js';
import { recomputeSchools } from '../compliance/recompute.js';

let t: TestContext;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t?.close(); });

async function lastEventId() {
  const rows = await t.database.db.select({ id: auditEvents.id }).from(auditEvents);
  return rows.reduce((m, r) => Math.max(m, r.id), 0);
}
const eventsSince = (id: number, entityType: string) => t.database.db.select().from(auditEvents)
  .where(and(gt(auditEvents.id, id), eq(auditEvents.entityType, entityType))).orderBy(auditEvents.id);
const region = async (id: number) => (await (await t.as('hq@test.cn')).get(`/api/regions/${id}`)).json();

describe('PUT /api/regions/:id', () => {
  it('HQ renames a region: versioned, audited with what changed', async () => {
    const c = await t.as('hq@test.cn');
    const { south } = t.fixture.regions;
    const before = await lastEventId();
    const res = await c.put(`/api/regions/${south.id}`, { ...(await region(south.id)), nameEn: 'South', version: 1 });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ nameZh: '华南', nameEn: 'South', version: 2, provinces: ['广东'] });
    const events = await eventsSince(before, 'region');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ entityId: south.id, action: 'update' });
    expect(events[0].data).toEqual({ changes: { nameEn: { from: 'South China', to: 'South' } } });
    const stale = await c.put(`/api/regions/${south.id}`, { nameEn: 'Southern China', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toBe('stale_version');
  });

  it.each([
    [{ nameZh: '' }, 'nameZh'],
    [{ nameZh: '华东' }, 'nameZh'],
    [{ provinces: ['广东', ' 广东'] }, 'provinces'],
    [{ provinces: [''] }, 'provinces'],
    [{ provinces: 'Guangdong' }, 'provinces'],
    [{ code: 'x', nope: 1 }, 'nope'],
  ])('bad input %j is a 400 naming %s', async (over, field) => {
    const c = await t.as('hq@test.cn');
    const { south } = t.fixture.regions;
    const res = await c.put(`/api/regions/${south.id}`, { version: (await region(south.id)).version, ...over });
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json())).toContain(field);
  });

  it('a missing version is 400, an unknown region 404, anyone but HQ 403', async () => {
    const c = await t.as('hq@test.cn');
    const { south } = t.fixture.regions;
    expect((await c.put(`/api/regions/${south.id}`, { nameEn: 'S' })).statusCode).toBe(400);
    expect((await c.put('/api/regions/999999', { nameEn: 'S', version: 1 })).statusCode).toBe(404);
    for (const email of ['south@test.cn', 'school@test.cn', 'provider@test.cn']) {
      expect((await (await t.as(email)).put(`/api/regions/${south.id}`, { nameEn: 'S', version: 1 })).statusCode).toBe(403);
    }
  });

  it('moving a province takes it from its old region and moves its schools, their compliance rows and queues', async () => {
    const { db } = t.database;
    const { east, north } = t.fixture.regions;
    const { eastA, eastB } = t.fixture.schools;
    // a north regional user, an application waiting for regional review and a live agreement at eastA
    const [northStaff] = await db.insert(users).values({ email: 'north@test.cn', name: '华北', role: 'regional', passwordHash: PASSWORD_HASH }).returning();
    await db.insert(userRegions).values({ userId: northStaff.id, regionId: north.id });
    const [app] = await db.insert(applications).values({ schoolId: eastA.id, tier: 'talent_base', status: 'pending_regional', plan: { summary: 'x' }, pledge: true }).returning();
    const [ag] = await db.insert(agreements).values({ schoolId: eastA.id, tier: 'talent_base', status: 'active', startDate: '2024-09-01', termYears: 3 }).returning();
    await db.transaction((tx) => recomputeSchools(tx, [eastA.id], todayInChina()));
    const eastStaff = await t.as('east@test.cn');
    expect((await eastStaff.get(`/api/applications/${app.id}`)).statusCode).toBe(200);

    const c = await t.as('hq@test.cn');
    const before = await lastEventId();
    const current = await region(north.id);
    const res = await c.put(`/api/regions/${north.id}`, { ...current, provinces: ['北京', '浙江'] });
    expect(res.statusCode).toBe(200);
    expect(res.json().provinces).toEqual(['北京', '浙江']);
    expect((await region(east.id)).provinces).toEqual(['江苏']);
    const moved = await db.select({ id: schools.id, regionId: schools.regionId }).from(schools).where(inArray(schools.id, [eastA.id, eastB.id]));
    expect(moved.every((s) => s.regionId === north.id)).toBe(true);
    const rows = await db.select({ regionId: complianceSummaries.regionId }).from(complianceSummaries).where(eq(complianceSummaries.agreementId, ag.id));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.regionId === north.id)).toBe(true);

    // audit: one event per changed region, one per moved school naming the region event
    const regionEvents = await eventsSince(before, 'region');
    expect(regionEvents.map((e) => e.entityId).sort()).toEqual([east.id, north.id].sort());
    const northEvent = regionEvents.find((e) => e.entityId === north.id)!;
    expect(northEvent.data).toMatchObject({ changes: { provinces: { from: ['北京'], to: ['北京', '浙江'] } } });
    expect((northEvent.data as { movedSchools: number[] }).movedSchools.sort()).toEqual([eastA.id, eastB.id].sort());
    expect(regionEvents.find((e) => e.entityId === east.id)!.data).toMatchObject({ changes: { provinces: { from: ['浙江', '江苏'], to: ['江苏'] } } });
    const schoolEvents = await eventsSince(before, 'school');
    expect(schoolEvents).toHaveLength(2);
    for (const e of schoolEvents) {
      expect(e.action).toBe('move_region');
      expect(e.data).toMatchObject({ province: '浙江', regionEventId: northEvent.id, changes: { regionId: { from: east.id, to: north.id } } });
    }

    // the queues follow: north's staff see the application and the compliance rows, east's no longer
    expect((await eastStaff.get(`/api/applications/${app.id}`)).statusCode).toBe(404);
    expect((await eastStaff.get(`/api/schools/${eastA.id}`)).statusCode).toBe(404);
    const northClient = await t.as('north@test.cn');
    expect((await northClient.get(`/api/applications/${app.id}`)).statusCode).toBe(200);
    const compliance = (await northClient.get('/api/compliance', listQuery({ filter: { schoolId: eastA.id } }))).json() as unknown[];
    expect(compliance.length).toBeGreaterThan(0);
    // a school created in the moved province lands in its new region
    const created = await c.post('/api/schools', { name: '湖州职业技术学院', province: '浙江', kind: 'vocational' });
    expect(created.json().regionId).toBe(north.id);
  });
});
