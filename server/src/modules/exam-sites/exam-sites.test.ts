import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, listQuery, type TestContext } from '../../../test/test-app.js';
import { auditEvents, notifications } from '../../db/schema/index.js';

let t: TestContext;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t?.close(); });

const site = (over: Record<string, unknown> = {}) => ({
  name: '浙江金融职业学院考点', address: '杭州市钱塘区学源街118号', capacity: 120, kinds: ['1x_junior', 'operator'],
  contactName: '王老师', contactPhone: '0571-86730000', contactEmail: 'exam@zfc.edu.cn', ...over,
});
const propose = async (email: string, over: Record<string, unknown> = {}) => (await t.as(email)).post('/api/exam-sites', site(over));
const act = async (email: string, id: number, action: string, body: Record<string, unknown>) => (await t.as(email)).post(`/api/exam-sites/${id}/actions/${action}`, body);
const events = (id: number) => t.database.db.select().from(auditEvents).where(and(eq(auditEvents.entityType, 'exam_site'), eq(auditEvents.entityId, id)));
const ids = (body: string) => (JSON.parse(body) as { id: number }[]).map((r) => r.id);

describe('proposing an exam site', () => {
  it('a school proposes its own school: in its school\'s region, proposed, audited; it may not name another region', async () => {
    const res = await propose('school@test.cn');
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      status: 'proposed', version: 1, schoolId: t.fixture.schools.eastA.id, schoolName: '浙江金融职业学院', regionId: t.fixture.regions.east.id,
      capacity: 120, kinds: ['1x_junior', 'operator'], allowedActions: [], editable: true, createdByName: '学校A',
    });
    const [event] = await events(res.json().id);
    expect(event).toMatchObject({ action: 'create', toState: 'proposed', schoolId: t.fixture.schools.eastA.id, actorId: t.fixture.users['school@test.cn'].id });
    const other = await propose('school@test.cn', { regionId: t.fixture.regions.south.id });
    expect(other.statusCode).toBe(400);
    expect(other.json().details[0]).toMatchObject({ field: 'regionId', code: 'exam_site_school_only' });
  });

  it('staff propose a venue of a region: regional staff only in their regions; a venue needs its region; bad fields are 400', async () => {
    const venue = await propose('east@test.cn', { name: '杭州会展中心考点', regionId: t.fixture.regions.east.id });
    expect(venue.statusCode, venue.body).toBe(201);
    expect(venue.json()).toMatchObject({ schoolId: null, regionId: t.fixture.regions.east.id, status: 'proposed', editable: true });
    const foreign = await propose('east@test.cn', { regionId: t.fixture.regions.south.id });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().details[0]).toMatchObject({ field: 'regionId', code: 'exam_site_region_not_yours' });
    expect((await propose('hq@test.cn', {})).json().details[0]).toMatchObject({ field: 'regionId', code: 'required' });
    const hq = await propose('hq@test.cn', { regionId: t.fixture.regions.south.id });
    expect(hq.statusCode).toBe(201);
    for (const bad of [{ kinds: [] }, { kinds: ['mohrss_senior'] }, { capacity: 0 }, { contactPhone: 'abc' }, { name: '' }]) {
      const res = await propose('school@test.cn', bad);
      expect(res.statusCode, JSON.stringify(bad)).toBe(400);
    }
    expect((await propose('provider@test.cn')).statusCode).toBe(403);
  });
});

describe('reading exam sites', () => {
  it('HQ reads all; regional staff their regions\'; a school its own and the approved ones; providers none', async () => {
    const east = (await propose('school@test.cn', { name: '东区考点' })).json();
    const south = (await propose('school2@test.cn', { name: '南区考点' })).json();
    const southApproved = (await propose('school2@test.cn', { name: '南区已批考点' })).json();
    expect((await act('hq@test.cn', southApproved.id, 'approve', { version: 1 })).statusCode).toBe(200);
    const all = ids((await (await t.as('hq@test.cn')).get('/api/exam-sites', listQuery({ range: [0, 999] }))).body);
    expect(all).toEqual(expect.arrayContaining([east.id, south.id, southApproved.id]));
    const eastStaff = await t.as('east@test.cn');
    const eastSees = ids((await eastStaff.get('/api/exam-sites', listQuery({ range: [0, 999] }))).body);
    expect(eastSees).toContain(east.id);
    expect(eastSees).not.toContain(south.id);
    expect(eastSees).not.toContain(southApproved.id);
    expect((await eastStaff.get(`/api/exam-sites/${south.id}`)).statusCode).toBe(404);
    const school = await t.as('school@test.cn');
    const schoolSees = ids((await school.get('/api/exam-sites', listQuery({ range: [0, 999] }))).body);
    expect(schoolSees).toEqual(expect.arrayContaining([east.id, southApproved.id]));
    expect(schoolSees).not.toContain(south.id);
    expect((await school.get(`/api/exam-sites/${south.id}`)).statusCode).toBe(404);
    expect((await school.get(`/api/exam-sites/${southApproved.id}`)).json()).toMatchObject({ editable: false, allowedActions: [] });
    const approvedOnly = ids((await school.get('/api/exam-sites', listQuery({ filter: { status: 'approved' }, range: [0, 999] }))).body);
    expect(approvedOnly).not.toContain(east.id);
    expect((await (await t.as('provider@test.cn')).get('/api/exam-sites')).statusCode).toBe(403);
  });
});

describe('editing a proposed exam site', () => {
  it('its proposer edits it while proposed (versioned, audited by field); nobody else may; once decided it is fixed', async () => {
    const created = (await propose('school@test.cn', { name: '待改考点' })).json();
    const school = await t.as('school@test.cn');
    const res = await school.put(`/api/exam-sites/${created.id}`, { ...created, capacity: 80, kinds: ['1x_junior'] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ capacity: 80, kinds: ['1x_junior'], version: 2 });
    const update = (await events(created.id)).find((e) => e.action === 'update');
    expect(update?.data).toEqual({ changes: { capacity: { from: 120, to: 80 }, kinds: { from: ['1x_junior', 'operator'], to: ['1x_junior'] } } });
    expect((await school.put(`/api/exam-sites/${created.id}`, { version: 1, capacity: 90 })).statusCode).toBe(409);
    expect((await (await t.as('school2@test.cn')).put(`/api/exam-sites/${created.id}`, { version: 2, capacity: 90 })).statusCode).toBe(404);
    expect((await (await t.as('hq@test.cn')).put(`/api/exam-sites/${created.id}`, { version: 2, capacity: 90 })).statusCode).toBe(403);
    expect((await act('hq@test.cn', created.id, 'approve', { version: 2 })).statusCode).toBe(200);
    const late = await school.put(`/api/exam-sites/${created.id}`, { version: 3, capacity: 90 });
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('exam_site_not_editable');
  });
});

describe('HQ\'s decisions on exam sites', () => {
  it('approve: one audited step, the proposing school notified; only HQ; a stale version is 409', async () => {
    const created = (await propose('school@test.cn', { name: '待批考点' })).json();
    expect((await act('school@test.cn', created.id, 'approve', { version: 1 })).statusCode).toBe(403);
    expect((await act('east@test.cn', created.id, 'approve', { version: 1 })).statusCode).toBe(403);
    expect((await act('hq@test.cn', created.id, 'approve', { version: 7 })).statusCode).toBe(409);
    expect((await act('hq@test.cn', created.id, 'publish', { version: 1 })).statusCode).toBe(400);
    const res = await act('hq@test.cn', created.id, 'approve', { version: 1 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'approved', version: 2, allowedActions: ['suspend'], decidedByName: '总部', decisionReason: null, editable: false });
    const approve = (await events(created.id)).find((e) => e.action === 'approve');
    expect(approve).toMatchObject({ fromState: 'proposed', toState: 'approved', actorId: t.fixture.users['hq@test.cn'].id, schoolId: t.fixture.schools.eastA.id });
    const notes = await t.database.db.select().from(notifications).where(and(eq(notifications.entityType, 'exam_site'), eq(notifications.entityId, created.id)));
    expect(notes.map((n) => n.userId)).toEqual([t.fixture.users['school@test.cn'].id]);
    expect(notes[0]).toMatchObject({ kind: 'exam_site.approve' });
    expect((await act('hq@test.cn', created.id, 'approve', { version: 2 })).statusCode).toBe(409);
  });

  it('decline and suspend need a reason, which the site keeps; reinstate approves it again', async () => {
    const a = (await propose('school2@test.cn', { name: '被拒考点' })).json();
    const missing = await act('hq@test.cn', a.id, 'decline', { version: 1, reason: '  ' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().details[0]).toMatchObject({ field: 'reason', code: 'exam_site_reason_missing' });
    const declined = await act('hq@test.cn', a.id, 'decline', { version: 1, reason: '机房不足' });
    expect(declined.json()).toMatchObject({ status: 'declined', decisionReason: '机房不足', allowedActions: [] });
    expect((await events(a.id)).find((e) => e.action === 'decline')?.comment).toBe('机房不足');
    const b = (await propose('school2@test.cn', { name: '暂停考点' })).json();
    await act('hq@test.cn', b.id, 'approve', { version: 1 });
    expect((await act('hq@test.cn', b.id, 'suspend', { version: 2 })).statusCode).toBe(400);
    expect((await act('hq@test.cn', b.id, 'suspend', { version: 2, reason: '整改' })).json()).toMatchObject({ status: 'suspended', decisionReason: '整改', allowedActions: ['reinstate'] });
    expect((await act('hq@test.cn', b.id, 'reinstate', { version: 3 })).json()).toMatchObject({ status: 'approved', decisionReason: null });
  });
});
