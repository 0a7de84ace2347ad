import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, listQuery, type TestContext } from '../../../test/test-app.js';
import { auditEvents, joinRequests, schools, users } from '../../db/schema/index.js';
import { mailsTo, pendingRequest } from './join-test-helpers.js';

let t: TestContext;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t?.close(); });

const act = async (email: string, id: number, action: string, body: Record<string, unknown>) =>
  (await t.as(email)).post(`/api/join-requests/${id}/actions/${action}`, body);

describe('the join-requests queue', () => {
  it('regional staff see the confirmed requests of their regions’ provinces with the actions they may take; HQ sees all; others may not list it', async () => {
    const east = await pendingRequest(t, { schoolName: '宁波职业技术学院', province: '浙江', email: 'zhou@nbpt.edu.cn' });
    const south = await pendingRequest(t, { schoolName: '佛山职业技术学院', province: '广东', email: 'lin@fspt.edu.cn' });
    const eastStaff = await t.as('east@test.cn');
    const list = await eastStaff.get('/api/join-requests', listQuery({ filter: { status: 'pending' } }));
    expect(list.statusCode, list.body).toBe(200);
    const ids = (list.json() as { id: number }[]).map((r) => r.id);
    expect(ids).toContain(east.id);
    expect(ids).not.toContain(south.id);
    const shown = await eastStaff.get(`/api/join-requests/${east.id}`);
    expect(shown.json()).toMatchObject({
      id: east.id, status: 'pending', version: 2, schoolName: '宁波职业技术学院', province: '浙江', regionId: t.fixture.regions.east.id,
      contactName: '王老师', email: 'zhou@nbpt.edu.cn', tier: 'talent_base', allowedActions: ['accept', 'decline'], existingSchoolId: null,
    });
    expect(shown.json()).not.toHaveProperty('requesterAddress');
    expect(shown.json()).not.toHaveProperty('confirmTokenHash');
    expect((await eastStaff.get(`/api/join-requests/${south.id}`)).statusCode).toBe(404);
    const hq = await t.as('hq@test.cn');
    const all = (await hq.get('/api/join-requests', listQuery({ filter: { regionId: t.fixture.regions.south.id } }))).json() as { id: number }[];
    expect(all.map((r) => r.id)).toContain(south.id);
    expect(all.map((r) => r.id)).not.toContain(east.id);
    expect((await hq.get(`/api/join-requests/${east.id}`)).json().allowedActions).toEqual(['accept', 'decline']);
    for (const email of ['school@test.cn', 'provider@test.cn']) {
      expect((await (await t.as(email)).get('/api/join-requests')).statusCode).toBe(403);
      expect((await act(email, east.id, 'accept', { version: 2 })).statusCode).toBe(403);
    }
  });

  it('accept (regional): creates the school in the province’s region, its administrator account and the invitation mail, in one audited step', async () => {
    const req = await pendingRequest(t, { schoolName: '温州职业技术学院', province: '浙江', kind: 'vocational', email: 'xu@wzvtc.edu.cn', contactName: '徐老师', phone: '0577-86680000' });
    const res = await act('east@test.cn', req.id, 'accept', { version: req.version });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'accepted', version: req.version + 1, allowedActions: [], decidedByName: '华东', schoolNameNow: '温州职业技术学院' });
    const [school] = await t.database.db.select().from(schools).where(eq(schools.name, '温州职业技术学院'));
    expect(school).toMatchObject({ province: '浙江', regionId: t.fixture.regions.east.id, kind: 'vocational', contactName: '徐老师', contactPhone: '0577-86680000' });
    expect(res.json().schoolId).toBe(school!.id);
    const [admin] = await t.database.db.select().from(users).where(eq(users.email, 'xu@wzvtc.edu.cn'));
    expect(admin).toMatchObject({ role: 'school', schoolId: school!.id, name: '徐老师', invitationPending: true });
    expect(res.json().invitedUserId).toBe(admin!.id);
    const invitation = (await mailsTo(t, 'xu@wzvtc.edu.cn')).find((m) => m.kind === 'invitation');
    expect(invitation?.text).toMatch(/\/set-password\?token=/);
    const [event] = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.entityType, 'join_request'), eq(auditEvents.entityId, req.id), eq(auditEvents.action, 'accept')));
    expect(event).toMatchObject({ fromState: 'pending', toState: 'accepted', actorId: t.fixture.users['east@test.cn']!.id, schoolId: school!.id, data: { schoolId: school!.id, schoolCreated: true, userId: admin!.id } });
    // The new school is the region's: its staff read it.
    expect((await (await t.as('east@test.cn')).get(`/api/schools/${school!.id}`)).statusCode).toBe(200);
  });

  it('accept (HQ) of a school already in the directory links it instead of creating another', async () => {
    const existing = t.fixture.schools.southB;
    const req = await pendingRequest(t, { schoolName: existing.name, province: '广东', email: 'admin@szpu.edu.cn' });
    const hq = await t.as('hq@test.cn');
    expect((await hq.get(`/api/join-requests/${req.id}`)).json().existingSchoolId).toBe(existing.id);
    const res = await act('hq@test.cn', req.id, 'accept', { version: req.version });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().schoolId).toBe(existing.id);
    expect(await t.database.db.select().from(schools).where(eq(schools.name, existing.name))).toHaveLength(1);
    const [admin] = await t.database.db.select().from(users).where(eq(users.email, 'admin@szpu.edu.cn'));
    expect(admin).toMatchObject({ role: 'school', schoolId: existing.id });
    const [event] = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.entityType, 'join_request'), eq(auditEvents.entityId, req.id), eq(auditEvents.action, 'accept')));
    expect(event!.data).toMatchObject({ schoolCreated: false });
  });

  it('accept refused when the e-mail already has an account: nothing is created (one transaction)', async () => {
    const req = await pendingRequest(t, { schoolName: '重复账号学院', province: '浙江', email: 'school@test.cn' });
    const res = await act('hq@test.cn', req.id, 'accept', { version: req.version });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('email_taken');
    expect(await t.database.db.select().from(schools).where(eq(schools.name, '重复账号学院'))).toEqual([]);
    expect((await t.database.db.select().from(joinRequests).where(eq(joinRequests.id, req.id)))[0]).toMatchObject({ status: 'pending', version: req.version });
  });

  it('decline needs a reason (400), then mails it to the requester in their language and keeps it', async () => {
    const req = await pendingRequest(t, { schoolName: '丽水学院', province: '浙江', email: 'he@lsu.edu.cn' });
    const missing = await act('east@test.cn', req.id, 'decline', { version: req.version, reason: '  ' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({ code: 'join_decline_reason_missing' });
    const res = await act('east@test.cn', req.id, 'decline', { version: req.version, reason: '贵校暂无跨境电商相关专业' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'declined', declineReason: '贵校暂无跨境电商相关专业', allowedActions: [] });
    const mail = (await mailsTo(t, 'he@lsu.edu.cn')).find((m) => m.kind === 'join_declined');
    expect(mail?.text).toContain('贵校暂无跨境电商相关专业');
    expect(mail?.subject).toMatch(/加入申请/);
    const [event] = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.entityType, 'join_request'), eq(auditEvents.entityId, req.id), eq(auditEvents.action, 'decline')));
    expect(event).toMatchObject({ fromState: 'pending', toState: 'declined', comment: '贵校暂无跨境电商相关专业' });
    expect(await t.database.db.select().from(users).where(eq(users.email, 'he@lsu.edu.cn'))).toEqual([]);
  });

  it('a stale version is 409 and a decided request cannot be decided again (409)', async () => {
    const req = await pendingRequest(t, { schoolName: '台州职业技术学院', province: '浙江', email: 'ye@tzvtc.edu.cn' });
    const stale = await act('east@test.cn', req.id, 'decline', { version: req.version - 1, reason: '理由' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('stale_version');
    expect((await act('east@test.cn', req.id, 'decline', { version: req.version, reason: '理由' })).statusCode).toBe(200);
    const again = await act('hq@test.cn', req.id, 'accept', { version: req.version + 1 });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('wrong_state');
  });

  it('another region’s staff: 404 for the request and its actions; unknown actions and bad bodies are 4xx', async () => {
    const req = await pendingRequest(t, { schoolName: '湖州职业技术学院', province: '浙江', email: 'shen@hzvtc2.edu.cn' });
    expect((await act('south@test.cn', req.id, 'accept', { version: req.version })).statusCode).toBe(404);
    expect((await act('east@test.cn', req.id, 'approve', { version: req.version })).statusCode).toBe(400);
    expect((await act('east@test.cn', req.id, 'accept', { version: 'x' })).statusCode).toBe(400);
    expect((await act('east@test.cn', 999999, 'accept', { version: 1 })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'POST', url: `/api/join-requests/${req.id}/actions/accept`, payload: { version: req.version } })).statusCode).toBe(401);
  });
});
