import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, desc, eq } from 'drizzle-orm';
import { createTestApp, listQuery, type TestContext } from '../../../test/test-app.js';
import { PASSWORD } from '../../../test/fixtures.js';
import { auditEvents, mailOutbox } from '../../db/schema/index.js';

let t: TestContext;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t?.close(); });

const login = (email: string, password = PASSWORD) => t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
const lastUserEvent = async (id: number) =>
  (await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.entityType, 'user'), eq(auditEvents.entityId, id))).orderBy(desc(auditEvents.id)).limit(1))[0]!;

describe('HQ manages accounts of every role', () => {
  it('creates each role with an invitation (no password typed), edits it versioned and audited, deactivates and reactivates it', async () => {
    const hq = await t.as('hq@test.cn');
    const f = t.fixture;
    const bodies = [
      { email: 'hq3@test.cn', name: '总部三', role: 'hq' },
      { email: 'north@test.cn', name: '华北', role: 'regional', regionIds: [f.regions.north.id] },
      { email: 'school-b@test.cn', name: '义乌', role: 'school', schoolId: f.schools.eastB.id, locale: 'en' },
      { email: 'provider-2@test.cn', name: '服务商', role: 'provider', providerId: f.provider.id },
    ];
    for (const body of bodies) {
      const res = await hq.post('/api/users', body);
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({ email: body.email, role: body.role, invitationPending: true, version: 1 });
      const [mail] = await t.database.db.select().from(mailOutbox).where(eq(mailOutbox.recipient, body.email));
      expect(mail?.kind).toBe('invitation');
    }
    const created = (await hq.get('/api/users', listQuery({ filter: { invitationPending: true }, range: [0, 99] }))).json() as { id: number; email: string; version: number }[];
    const school = created.find((u) => u.email === 'school-b@test.cn')!;
    const edit = await hq.put(`/api/users/${school.id}`, { name: '义乌工商', locale: 'zh', schoolId: f.schools.eastA.id, version: school.version });
    expect(edit.statusCode, edit.body).toBe(200);
    expect(edit.json()).toMatchObject({ name: '义乌工商', locale: 'zh', schoolId: f.schools.eastA.id, version: 2 });
    expect((await lastUserEvent(school.id)).data).toMatchObject({
      changes: { name: { from: '义乌', to: '义乌工商' }, locale: { from: 'en', to: 'zh' }, schoolId: { from: f.schools.eastB.id, to: f.schools.eastA.id } },
    });
    const stale = await hq.put(`/api/users/${school.id}`, { name: '旧版本', version: school.version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toBe('stale_version');
    // A role change needs the new role's links.
    const toRegional = await hq.put(`/api/users/${school.id}`, { role: 'regional', version: 2 });
    expect(toRegional.json().details[0].field).toBe('regionIds');
    const moved = await hq.put(`/api/users/${school.id}`, { role: 'regional', regionIds: [f.regions.east.id], version: 2 });
    expect(moved.json()).toMatchObject({ role: 'regional', schoolId: null, regionIds: [f.regions.east.id], version: 3 });
    const off = await hq.post(`/api/users/${school.id}/actions/deactivate`, { version: 3 });
    expect(off.json()).toMatchObject({ active: false, version: 4 });
    expect((await lastUserEvent(school.id)).data).toMatchObject({ changes: { active: { from: true, to: false } } });
    expect((await hq.post(`/api/users/${school.id}/actions/reactivate`, { version: 4 })).json()).toMatchObject({ active: true, version: 5 });
  });

  it("a deactivated account's sessions end at once", async () => {
    const hq = await t.as('hq@test.cn');
    const provider = await t.as('provider@test.cn');
    expect((await provider.get('/api/auth/me')).statusCode).toBe(200);
    const id = t.fixture.users['provider@test.cn'].id;
    expect((await hq.post(`/api/users/${id}/actions/deactivate`, {})).statusCode).toBe(200);
    expect((await provider.get('/api/auth/me')).statusCode).toBe(401);
    expect((await login('provider@test.cn')).statusCode).toBe(401);
    expect((await hq.post(`/api/users/${id}/actions/reactivate`, {})).statusCode).toBe(200);
    expect((await login('provider@test.cn')).statusCode).toBe(200);
  });
});

describe('regional staff manage the school accounts of their regions only', () => {
  it('lists, creates, edits and deactivates school accounts of its regions; anything else is 403 or 404', async () => {
    const east = await t.as('east@test.cn');
    const f = t.fixture;
    const listed = (await east.get('/api/users', listQuery({ range: [0, 99] }))).json() as { email: string; role: string; schoolId: number }[];
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.every((u) => u.role === 'school' && [f.schools.eastA.id, f.schools.eastB.id].includes(u.schoolId))).toBe(true);

    const created = await east.post('/api/users', { email: 'east-school@test.cn', name: '东部院校', role: 'school', schoolId: f.schools.eastB.id });
    expect(created.statusCode, created.body).toBe(201);
    const [mail] = await t.database.db.select().from(mailOutbox).where(eq(mailOutbox.recipient, 'east-school@test.cn'));
    expect(mail?.kind).toBe('invitation');
    const outside = await east.post('/api/users', { email: 'x1@test.cn', name: 'x', role: 'school', schoolId: f.schools.southA.id });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().details[0]).toMatchObject({ field: 'schoolId', code: 'school_outside_your_regions' });
    for (const body of [{ role: 'regional', regionIds: [f.regions.east.id] }, { role: 'hq' }, { role: 'provider', providerId: f.provider.id }]) {
      const res = await east.post('/api/users', { email: 'x2@test.cn', name: 'x', ...body });
      expect(res.statusCode, JSON.stringify(body)).toBe(403);
      expect(res.json().code).toBe('regional_school_accounts_only');
    }

    const id = created.json().id as number;
    expect((await east.put(`/api/users/${id}`, { name: '东部院校二', version: 1 })).json()).toMatchObject({ name: '东部院校二', version: 2 });
    expect((await east.put(`/api/users/${id}`, { schoolId: f.schools.southA.id })).statusCode).toBe(400);
    expect((await east.put(`/api/users/${id}`, { role: 'regional', regionIds: [f.regions.east.id] })).statusCode).toBe(403);
    expect((await east.post(`/api/users/${id}/actions/resend_invitation`, {})).statusCode).toBe(200);
    expect((await east.post(`/api/users/${id}/actions/deactivate`, {})).json()).toMatchObject({ active: false });

    // Accounts outside: another region's school account, regional staff, HQ.
    for (const email of ['school2@test.cn', 'south@test.cn', 'hq@test.cn']) {
      const other = f.users[email].id;
      expect((await east.get(`/api/users/${other}`)).statusCode, email).toBe(404);
      expect((await east.put(`/api/users/${other}`, { name: 'taken over' })).statusCode, email).toBe(404);
      expect((await east.post(`/api/users/${other}/actions/deactivate`, {})).statusCode, email).toBe(404);
      expect((await east.post(`/api/users/${other}/actions/resend_invitation`, {})).statusCode, email).toBe(404);
    }
    expect((await login('school2@test.cn')).statusCode).toBe(200);
    // School and provider accounts manage no one.
    expect((await (await t.as('school@test.cn')).get('/api/users')).statusCode).toBe(403);
  });
});
