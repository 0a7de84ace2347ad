import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, gt } from 'drizzle-orm';
import { createTestApp, listQuery, type TestContext } from '../../../test/test-app.js';
import { auditEvents, schools, students } from '../../db/schema/index.js';

let t: TestContext;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t?.close(); });

async function lastEventId() {
  const rows = await t.database.db.select({ id: auditEvents.id }).from(auditEvents);
  return rows.reduce((m, r) => Math.max(m, r.id), 0);
}
const eventsSince = (id: number, entityType: string, action?: string) => t.database.db.select().from(auditEvents)
  .where(and(gt(auditEvents.id, id), eq(auditEvents.entityType, entityType), action ? eq(auditEvents.action, action) : undefined)).orderBy(auditEvents.id);

const newSchool = (over: Record<string, unknown> = {}) => ({
  name: '  杭州职业技术学院 ', nameEn: 'Hangzhou Vocational', province: '浙江', city: '杭州', kind: 'vocational',
  contactName: '王老师', contactEmail: 'Wang@HZVTC.edu.cn', contactPhone: '0571-88888888', ...over,
});

describe('POST /api/schools', () => {
  it('HQ creates a school: trimmed, region from the province, contact fields, audited', async () => {
    const c = await t.as('hq@test.cn');
    const before = await lastEventId();
    const res = await c.post('/api/schools', newSchool());
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({
      name: '杭州职业技术学院', nameEn: 'Hangzhou Vocational', province: '浙江', regionId: t.fixture.regions.east.id, city: '杭州',
      kind: 'vocational', contactName: '王老师', contactEmail: 'wang@hzvtc.edu.cn', contactPhone: '0571-88888888',
      active: true, version: 1, status: 'prospect', tier: null,
    });
    const events = await eventsSince(before, 'school', 'create');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ entityId: body.id, schoolId: body.id, actorId: t.fixture.users['hq@test.cn'].id });
    expect(events[0].data).toMatchObject({ values: { name: '杭州职业技术学院', province: '浙江' } });
    // the region's staff see it at once
    const east = await t.as('east@test.cn');
    expect((await east.get(`/api/schools/${body.id}`)).statusCode).toBe(200);
    expect((await (await t.as('south@test.cn')).get(`/api/schools/${body.id}`)).statusCode).toBe(404);
  });

  it('HQ may place a school in another region than its province\'s', async () => {
    const c = await t.as('hq@test.cn');
    const res = await c.post('/api/schools', newSchool({ name: '温州职业技术学院', regionId: t.fixture.regions.north.id }));
    expect(res.statusCode).toBe(201);
    expect(res.json().regionId).toBe(t.fixture.regions.north.id);
  });

  it('a name already taken is a 400 on name naming the existing school', async () => {
    const c = await t.as('hq@test.cn');
    const res = await c.post('/api/schools', newSchool({ name: ' 浙江金融职业学院' }));
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.details[0]).toMatchObject({ field: 'name', code: 'school_name_taken', params: { name: '浙江金融职业学院', id: t.fixture.schools.eastA.id } });
    expect(body.message).toContain('浙江金融职业学院');
  });

  it.each([
    [{ name: '' }, 'name'],
    [{ name: 'x'.repeat(101) }, 'name'],
    [{ province: '火星' }, 'province'],
    [{ kind: 'college' }, 'kind'],
    [{ contactEmail: 'not-an-email' }, 'contactEmail'],
    [{ contactPhone: 'call me' }, 'contactPhone'],
    [{ regionId: 999999 }, 'regionId'],
    [{ tier: 'talent_base' }, 'tier'],
  ])('bad input %j is a 400 naming %s', async (over, field) => {
    const c = await t.as('hq@test.cn');
    const res = await c.post('/api/schools', newSchool({ name: `坏学校${field}`, ...over }));
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json())).toContain(field);
  });

  it('a missing province or kind is a 400', async () => {
    const c = await t.as('hq@test.cn');
    const { province: _p, ...noProvince } = newSchool({ name: '缺省份学院' });
    expect((await c.post('/api/schools', noProvince)).statusCode).toBe(400);
    const { kind: _k, ...noKind } = newSchool({ name: '缺类型学院' });
    expect((await c.post('/api/schools', noKind)).statusCode).toBe(400);
  });

  it('only HQ creates schools', async () => {
    for (const email of ['east@test.cn', 'school@test.cn', 'provider@test.cn']) {
      const res = await (await t.as(email)).post('/api/schools', newSchool({ name: `无权${email}` }));
      expect(res.statusCode).toBe(403);
    }
  });
});

describe('PUT /api/schools/:id', () => {
  it('HQ edits: versioned, audited with exactly what changed', async () => {
    const c = await t.as('hq@test.cn');
    const created = (await c.post('/api/schools', newSchool({ name: '宁波职业技术学院', city: '宁波' }))).json();
    const before = await lastEventId();
    const res = await c.put(`/api/schools/${created.id}`, { ...created, city: '宁波北仑', contactPhone: '0574-1234567', version: 1 });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ city: '宁波北仑', contactPhone: '0574-1234567', version: 2 });
    const events = await eventsSince(before, 'school', 'update');
    expect(events).toHaveLength(1);
    expect(events[0].data).toEqual({ changes: { city: { from: '宁波', to: '宁波北仑' }, contactPhone: { from: '0571-88888888', to: '0574-1234567' } } });
    // a stale version is refused and changes nothing
    const stale = await c.put(`/api/schools/${created.id}`, { ...created, city: '别处', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toBe('stale_version');
    expect((await c.get(`/api/schools/${created.id}`)).json().city).toBe('宁波北仑');
  });

  it('changing the province moves the school to that province\'s region; renaming onto another school is 400', async () => {
    const c = await t.as('hq@test.cn');
    const created = (await c.post('/api/schools', newSchool({ name: '嘉兴职业技术学院' }))).json();
    const res = await c.put(`/api/schools/${created.id}`, { province: '广东', version: created.version });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ province: '广东', regionId: t.fixture.regions.south.id });
    const taken = await c.put(`/api/schools/${created.id}`, { name: '深圳职业技术大学', version: 2 });
    expect(taken.statusCode).toBe(400);
    expect(taken.json().details[0]).toMatchObject({ field: 'name', code: 'school_name_taken' });
  });

  it('a missing version is 400, an unknown school 404, a regional user 403', async () => {
    const c = await t.as('hq@test.cn');
    const { eastB } = t.fixture.schools;
    expect((await c.put(`/api/schools/${eastB.id}`, { city: '义乌' })).statusCode).toBe(400);
    expect((await c.put('/api/schools/999999', { city: '义乌', version: 1 })).statusCode).toBe(404);
    expect((await (await t.as('east@test.cn')).put(`/api/schools/${eastB.id}`, { city: '义乌', version: 1 })).statusCode).toBe(403);
    expect((await (await t.as('school@test.cn')).put(`/api/schools/${eastB.id}`, { city: '义乌', version: 1 })).statusCode).toBe(403);
  });
});

describe('deactivate, reactivate, delete', () => {
  it('HQ deactivates and reactivates a school, audited; stale is 409; others 403', async () => {
    const c = await t.as('hq@test.cn');
    const { eastB } = t.fixture.schools;
    const current = (await c.get(`/api/schools/${eastB.id}`)).json();
    expect((await (await t.as('east@test.cn')).post(`/api/schools/${eastB.id}/actions/deactivate`, { version: current.version })).statusCode).toBe(403);
    const before = await lastEventId();
    const off = await c.post(`/api/schools/${eastB.id}/actions/deactivate`, { version: current.version });
    expect(off.statusCode).toBe(200);
    expect(off.json()).toMatchObject({ active: false, version: current.version + 1 });
    expect((await c.post(`/api/schools/${eastB.id}/actions/reactivate`, { version: current.version })).statusCode).toBe(409);
    const on = await c.post(`/api/schools/${eastB.id}/actions/reactivate`, { version: current.version + 1 });
    expect(on.json()).toMatchObject({ active: true });
    const events = await eventsSince(before, 'school');
    expect(events.map((e) => e.action)).toEqual(['deactivate', 'reactivate']);
    expect((await c.get('/api/schools', listQuery({ filter: { active: false } }))).json()).toEqual([]);
  });

  it('a school with records is never deleted (409 saying to deactivate); one without records is', async () => {
    const c = await t.as('hq@test.cn');
    const { eastA } = t.fixture.schools;
    await t.database.db.insert(students).values({ schoolId: eastA.id, studentNo: 'DEL-1', name: '学生', cohortYear: 2024, enrolledOn: '2024-09-01' });
    const refused = await c.delete(`/api/schools/${eastA.id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('school_has_records');
    expect(refused.json().message).toMatch(/deactivate/i);
    expect((await c.get(`/api/schools/${eastA.id}`)).statusCode).toBe(200);

    const empty = (await c.post('/api/schools', newSchool({ name: '待删除学院' }))).json();
    expect((await (await t.as('east@test.cn')).delete(`/api/schools/${empty.id}`)).statusCode).toBe(403);
    const before = await lastEventId();
    expect((await c.delete(`/api/schools/${empty.id}`)).statusCode).toBe(200);
    expect(await t.database.db.select().from(schools).where(eq(schools.id, empty.id))).toEqual([]);
    const events = await eventsSince(before, 'school', 'delete');
    expect(events).toHaveLength(1);
    expect(events[0].data).toMatchObject({ deleted: { id: empty.id, name: '待删除学院' } });
    expect((await c.delete(`/api/schools/${empty.id}`)).statusCode).toBe(404);
  });
});
