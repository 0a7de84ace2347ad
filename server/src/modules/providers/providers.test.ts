import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, listQuery, type Client, type TestContext } from '../../../test/test-app.js';
import { act } from '../../../test/application-builders.js';
import { PASSWORD_HASH } from '../../../test/fixtures.js';
import { notifications, users } from '../../db/schema/index.js';

/**
 * HQ keeps the service providers: creates and edits them with their contact and the schools they
 * serve (PUT replaces `schoolIds`; PUT/DELETE /api/providers/:id/schools/:schoolId assign or unassign
 * one), versioned and audited. Assignments decide a provider's reach at once, and each provider
 * hears about its own school assignments and records only.
 */
let t: TestContext;
let hq: Client;
let studentId: number;

/** A provider account, straight into the table (account creation is the users module's). */
async function providerAccount(email: string, providerId: number) {
  const [u] = await t.database.db.insert(users).values({ email, name: email, role: 'provider', providerId, passwordHash: PASSWORD_HASH }).returning();
  t.fixture.users[email] = u;
  return t.as(email);
}

const auditOf = async (id: number) =>
  (await hq.get('/api/audit-events', listQuery({ filter: { entityType: 'provider', entityId: id }, sort: ['id', 'ASC'] }))).json() as { action: string; schoolId: number | null; data: Record<string, unknown> }[];

const assignedNotices = async (email: string) =>
  t.database.db.select().from(notifications).where(and(eq(notifications.userId, t.fixture.users[email].id), eq(notifications.kind, 'provider.assigned')));

beforeAll(async () => {
  t = await createTestApp();
  hq = await t.as('hq@test.cn');
  const student = await (await t.as('school2@test.cn')).post('/api/students', { studentNo: 'S1', name: '陈晨', cohortYear: 2025 });
  expect(student.statusCode, student.body).toBe(201);
  studentId = student.json().id;
});
afterAll(async () => { await t?.close(); });

describe('HQ creates and edits providers', () => {
  it('creates one with its contact and schools (201), audited', async () => {
    const { eastB, southA } = t.fixture.schools;
    const res = await hq.post('/api/providers', {
      name: '  广州外贸实训有限公司 ', contactName: '周经理', contactEmail: 'zhou@gzwm.cn', contactPhone: '020-12345678', schoolIds: [southA.id, eastB.id],
    });
    expect(res.statusCode, res.body).toBe(201);
    const p = res.json();
    expect(p).toMatchObject({ name: '广州外贸实训有限公司', contactName: '周经理', contactEmail: 'zhou@gzwm.cn', contactPhone: '020-12345678', active: true, version: 1, schoolIds: [eastB.id, southA.id].sort((a, b) => a - b) });
    const audit = await auditOf(p.id);
    expect(audit).toMatchObject([{ action: 'create', data: { name: '广州外贸实训有限公司', schoolIds: [eastB.id, southA.id].sort((a, b) => a - b) } }]);
    // With no schools at all, too; empty contact fields are absent, not empty text.
    const bare = await hq.post('/api/providers', { name: '无锡跨境学院服务部', contactEmail: '' });
    expect(bare.statusCode, bare.body).toBe(201);
    expect(bare.json()).toMatchObject({ schoolIds: [], contactEmail: null, contactPhone: null });
  });

  it('a name that another provider has is 400 naming that provider, whatever its case and spaces', async () => {
    const existing = t.fixture.provider;
    for (const name of [existing.name, ` ${existing.name}  `]) {
      const res = await hq.post('/api/providers', { name });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json()).toMatchObject({ code: 'provider_name_taken', params: { name: existing.name, id: existing.id }, details: [{ field: 'name', code: 'provider_name_taken' }] });
      expect(res.json().message).toContain(existing.name);
    }
    const other = (await hq.post('/api/providers', { name: 'Cross Border Training Ltd' })).json();
    const clash = await hq.post('/api/providers', { name: 'cross border training ltd' });
    expect(clash.statusCode).toBe(400);
    expect(clash.json().params).toEqual({ name: 'Cross Border Training Ltd', id: other.id });
    // Renaming onto another's name is refused the same way; keeping one's own name is not a clash.
    const renamed = await hq.put(`/api/providers/${other.id}`, { version: other.version, name: existing.name });
    expect(renamed.statusCode).toBe(400);
    expect(renamed.json().params).toMatchObject({ id: existing.id });
    expect((await hq.put(`/api/providers/${other.id}`, { ...other, contactName: '李' })).statusCode).toBe(200);
  });

  it('bad bodies are 400 naming the field: unknown schools, empty name, wrong e-mail, unknown fields', async () => {
    for (const [body, field, code] of [
      [{ name: '甲', schoolIds: [t.fixture.schools.eastA.id, 999_999] }, 'schoolIds', 'schools_unknown'],
      [{ name: '  ' }, 'name', undefined],
      [{ name: '乙', contactEmail: 'not-an-address' }, 'contactEmail', 'invalid_email'],
      [{ name: '丙', bonus: 1 }, 'bonus', 'unknown_field'],
      [{ name: '丁', schoolIds: ['1'] }, 'schoolIds', undefined],
      [{ name: 'x'.repeat(201) }, 'name', 'too_long'],
    ] as const) {
      const res = await hq.post('/api/providers', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(JSON.stringify(res.json()), JSON.stringify(body)).toContain(field);
      if (code) expect(JSON.stringify(res.json().details)).toContain(code);
    }
    const unknown = await hq.post('/api/providers', { name: '甲', schoolIds: [999_999, 999_998] });
    expect(unknown.json().message).toContain('999998');
  });

  it('an edit moves the version on and is audited with what changed, schools assigned and unassigned listed', async () => {
    const { eastA, eastB, southA, northA } = t.fixture.schools;
    const created = (await hq.post('/api/providers', { name: '宁波实训服务', contactName: '王', schoolIds: [eastA.id, eastB.id] })).json();
    // react-admin sends the whole record back, scorecard included
    const res = await hq.put(`/api/providers/${created.id}`, { ...created, contactName: '王经理', contactPhone: '0574-1', schoolIds: [eastB.id, southA.id, northA.id] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ version: 2, contactName: '王经理', schoolIds: [eastB.id, southA.id, northA.id].sort((a, b) => a - b) });
    const audit = await auditOf(created.id);
    expect(audit.map((e) => e.action)).toEqual(['create', 'update']);
    expect(audit[1].data).toEqual({
      changes: {
        contactName: { from: '王', to: '王经理' },
        contactPhone: { from: null, to: '0574-1' },
        schoolIds: { from: [eastA.id, eastB.id].sort((a, b) => a - b), to: [eastB.id, southA.id, northA.id].sort((a, b) => a - b) },
      },
      schoolsAssigned: [southA.id, northA.id].sort((a, b) => a - b),
      schoolsUnassigned: [eastA.id],
    });
    // An edit that changes nothing writes nothing and keeps the version.
    const same = await hq.put(`/api/providers/${created.id}`, res.json());
    expect(same.statusCode).toBe(200);
    expect(same.json().version).toBe(2);
    expect(await auditOf(created.id)).toHaveLength(2);
  });

  it('a stale version is 409 and changes nothing; an unknown provider is 404', async () => {
    const p = (await hq.post('/api/providers', { name: '温州服务商' })).json();
    expect((await hq.put(`/api/providers/${p.id}`, { version: 1, contactName: '甲' })).statusCode).toBe(200);
    const stale = await hq.put(`/api/providers/${p.id}`, { version: 1, contactName: '乙', schoolIds: [t.fixture.schools.eastA.id] });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toBe('stale_version');
    expect((await hq.get(`/api/providers/${p.id}`)).json()).toMatchObject({ contactName: '甲', version: 2, schoolIds: [] });
    expect((await hq.put('/api/providers/999999', { version: 1, name: '无' })).statusCode).toBe(404);
    expect((await hq.put(`/api/providers/999999/schools/${t.fixture.schools.eastA.id}`)).statusCode).toBe(404);
    expect((await hq.put(`/api/providers/${p.id}/schools/999999`)).statusCode).toBe(404);
    expect((await hq.put(`/api/providers/${p.id}`, { contactName: '丙' })).statusCode).toBe(400);
  });

  it('two saves at once: one name is created once, and one version is edited once', async () => {
    const names = await Promise.all([0, 1].map(() => hq.post('/api/providers', { name: '同时创建的服务商' })));
    expect(names.map((r) => r.statusCode).sort()).toEqual([201, 400]);
    const p = names.find((r) => r.statusCode === 201)!.json();
    const edits = await Promise.all(['甲', '乙'].map((contactName) => hq.put(`/api/providers/${p.id}`, { version: p.version, contactName })));
    expect(edits.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect((await hq.get(`/api/providers/${p.id}`)).json().version).toBe(p.version + 1);
  });

  it('only HQ creates, edits, assigns and unassigns (403 for regional staff, schools and providers)', async () => {
    const id = t.fixture.provider.id;
    const schoolId = t.fixture.schools.eastA.id;
    for (const email of ['east@test.cn', 'school@test.cn', 'provider@test.cn']) {
      const c = await t.as(email);
      expect((await c.post('/api/providers', { name: `新 ${email}` })).statusCode, email).toBe(403);
      expect((await c.put(`/api/providers/${id}`, { version: 1, contactName: 'x' })).statusCode, email).toBe(403);
      expect((await c.put(`/api/providers/${id}/schools/${t.fixture.schools.eastB.id}`)).statusCode, email).toBe(403);
      expect((await c.delete(`/api/providers/${id}/schools/${schoolId}`)).statusCode, email).toBe(403);
    }
    expect((await hq.get(`/api/providers/${id}`)).json().schoolIds).toEqual([schoolId]);
  });
});

describe("assignments decide a provider's reach, at once", () => {
  it('assigning gives access and tells the provider; unassigning makes the next request 404', async () => {
    const southA = t.fixture.schools.southA;
    const provider = await t.as('provider@test.cn');
    const id = t.fixture.provider.id;
    // Warm the session cache: the change must apply to the very next request all the same.
    expect((await provider.get(`/api/schools/${southA.id}`)).statusCode).toBe(404);
    expect((await provider.get(`/api/students/${studentId}`)).statusCode).toBe(404);

    const assigned = await hq.put(`/api/providers/${id}/schools/${southA.id}`);
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect(assigned.json().schoolIds).toContain(southA.id);
    expect((await provider.get(`/api/schools/${southA.id}`)).statusCode).toBe(200);
    expect((await provider.get(`/api/students/${studentId}`)).statusCode).toBe(200);
    const notices = await assignedNotices('provider@test.cn');
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ entityType: 'provider', entityId: id, params: { schoolId: southA.id, schoolName: southA.name } });
    // Assigning again changes nothing and tells nobody again.
    const again = await hq.put(`/api/providers/${id}/schools/${southA.id}`);
    expect(again.json().version).toBe(assigned.json().version);
    expect(await assignedNotices('provider@test.cn')).toHaveLength(1);

    const unassigned = await hq.delete(`/api/providers/${id}/schools/${southA.id}`);
    expect(unassigned.statusCode, unassigned.body).toBe(200);
    expect(unassigned.json()).toMatchObject({ version: assigned.json().version + 1 });
    expect(unassigned.json().schoolIds).not.toContain(southA.id);
    expect((await provider.get(`/api/schools/${southA.id}`)).statusCode).toBe(404);
    expect((await provider.get(`/api/students/${studentId}`)).statusCode).toBe(404);
    expect((await provider.get('/api/students', listQuery({ filter: { schoolId: southA.id } }))).json()).toEqual([]);
    const audit = await auditOf(id);
    expect(audit.slice(-2).map((e) => [e.data.schoolsAssigned, e.data.schoolsUnassigned])).toEqual([[[southA.id], []], [[], [southA.id]]]);
    // An edit of one school's assignment is that school's history too.
    expect(audit.slice(-2).map((e) => e.schoolId)).toEqual([southA.id, southA.id]);
  });

  it('a PUT that drops a school ends access the same way, and a PUT that adds one notifies', async () => {
    const eastB = t.fixture.schools.eastB;
    const provider = await t.as('provider@test.cn');
    const p = (await hq.get(`/api/providers/${t.fixture.provider.id}`)).json();
    const before = (await assignedNotices('provider@test.cn')).length;
    expect((await hq.put(`/api/providers/${p.id}`, { version: p.version, schoolIds: [...p.schoolIds, eastB.id] })).statusCode).toBe(200);
    expect((await provider.get(`/api/schools/${eastB.id}`)).statusCode).toBe(200);
    expect(await assignedNotices('provider@test.cn')).toHaveLength(before + 1);
    const now = (await hq.get(`/api/providers/${p.id}`)).json();
    expect((await hq.put(`/api/providers/${p.id}`, { version: now.version, schoolIds: p.schoolIds })).statusCode).toBe(200);
    expect((await provider.get(`/api/schools/${eastB.id}`)).statusCode).toBe(404);
  });

  it('two providers of one school: each sees and is told about its own assignments and records only', async () => {
    const southA = t.fixture.schools.southA;
    const one = (await hq.post('/api/providers', { name: '深圳实训一号' })).json();
    const two = (await hq.post('/api/providers', { name: '深圳实训二号' })).json();
    const c1 = await providerAccount('one@test.cn', one.id);
    const c2 = await providerAccount('two@test.cn', two.id);
    expect((await hq.put(`/api/providers/${one.id}/schools/${southA.id}`)).statusCode).toBe(200);
    expect(await assignedNotices('one@test.cn')).toHaveLength(1);
    expect(await assignedNotices('two@test.cn')).toHaveLength(0);
    expect((await hq.put(`/api/providers/${two.id}/schools/${southA.id}`)).statusCode).toBe(200);
    // Only the provider just assigned is told; the one already there hears nothing.
    expect(await assignedNotices('two@test.cn')).toHaveLength(1);
    expect(await assignedNotices('one@test.cn')).toHaveLength(1);

    const day = '2025-03-03';
    const report = await c1.post('/api/provider-reports', { schoolId: southA.id, project: '询盘实训', periodFrom: day, periodTo: day, records: [{ studentId, hours: 6, practicedOn: day }] });
    expect(report.statusCode, report.body).toBe(201);
    expect((await c2.get(`/api/provider-reports/${report.json().id}`)).statusCode).toBe(404);
    expect((await act(await t.as('school2@test.cn'), 'provider-reports', report.json().id, 'confirm', { comment: '已核对' })).statusCode).toBe(200);
    const inbox = async (c: Client) => ((await c.get('/api/notifications', listQuery({ range: [0, 99] }))).json() as { kind: string }[]).map((n) => n.kind).sort();
    expect(await inbox(c1)).toEqual(['provider.assigned', 'provider_report.confirm']);
    expect(await inbox(c2)).toEqual(['provider.assigned']);
    // Both see the school, and each sees only itself among the providers.
    expect((await c2.get(`/api/schools/${southA.id}`)).statusCode).toBe(200);
    expect((await c2.get('/api/providers')).json().map((p: { id: number }) => p.id)).toEqual([two.id]);
    // The school sees both, as does its region; the school page's panel lists them by school.
    const ofSchool = (await hq.get('/api/providers', listQuery({ filter: { schoolId: southA.id }, range: [0, 99] }))).json() as { id: number; schoolIds: number[] }[];
    expect(ofSchool.map((p) => p.id)).toEqual(expect.arrayContaining([one.id, two.id]));
    expect(ofSchool.every((p) => p.schoolIds.includes(southA.id))).toBe(true);
    for (const email of ['school2@test.cn', 'south@test.cn']) {
      const listed = (await (await t.as(email)).get('/api/providers', listQuery({ filter: { schoolId: southA.id }, range: [0, 99] }))).json();
      expect(listed.map((p: { id: number }) => p.id), email).toEqual(ofSchool.map((p) => p.id));
    }
  });

  it('a deactivated provider reaches no school and takes no new school; reactivated, it does again', async () => {
    const { southA, southB } = t.fixture.schools;
    const p = (await hq.post('/api/providers', { name: '停用测试服务商', schoolIds: [southA.id, southB.id] })).json();
    const c = await providerAccount('paused@test.cn', p.id);
    expect((await c.get(`/api/schools/${southB.id}`)).statusCode).toBe(200);
    const off = await hq.put(`/api/providers/${p.id}`, { version: p.version, active: false });
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json()).toMatchObject({ active: false, schoolIds: [southA.id, southB.id].sort((a, b) => a - b) });
    expect((await c.get(`/api/schools/${southB.id}`)).statusCode).toBe(404);
    const refused = await hq.put(`/api/providers/${p.id}/schools/${t.fixture.schools.northA.id}`);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().code).toBe('provider_inactive');
    const day = '2025-03-03';
    const report = await c.post('/api/provider-reports', { schoolId: southA.id, project: '停用后', periodFrom: day, periodTo: day, records: [{ studentId, hours: 2, practicedOn: day }] });
    expect(report.statusCode).toBe(404);
    // Still listed for HQ (filterable), and its own account still signs in and sees who it is.
    expect((await hq.get('/api/providers', listQuery({ filter: { active: false } }))).json().map((x: { id: number }) => x.id)).toContain(p.id);
    expect((await c.get(`/api/providers/${p.id}`)).statusCode).toBe(200);
    const on = await hq.put(`/api/providers/${p.id}`, { version: off.json().version, active: true });
    expect(on.json()).toMatchObject({ active: true, version: off.json().version + 1 });
    expect((await c.get(`/api/schools/${southB.id}`)).statusCode).toBe(200);
    expect((await auditOf(p.id)).map((e) => e.data.changes)).toEqual([undefined, { active: { from: true, to: false } }, { active: { from: false, to: true } }]);
  });

  it("a provider's account reads its own provider record (no scorecard) and nobody else's", async () => {
    const provider = await t.as('provider@test.cn');
    const own = await provider.get(`/api/providers/${t.fixture.provider.id}`);
    expect(own.statusCode).toBe(200);
    expect(own.json()).toEqual({
      id: t.fixture.provider.id, name: t.fixture.provider.name, contactName: null, contactEmail: null, contactPhone: null, active: true, version: expect.any(Number),
    });
    const other = (await hq.get('/api/providers', listQuery({ filter: { q: '深圳实训一号' } }))).json()[0];
    expect((await provider.get(`/api/providers/${other.id}`)).statusCode).toBe(404);
  });

  it('accounts made through the users API for a new provider work with it: invited or with a password', async () => {
    const p = (await hq.post('/api/providers', { name: '账号测试服务商' })).json();
    const invited = await hq.post('/api/users', { email: 'invited-provider@test.cn', name: '受邀服务商', role: 'provider', providerId: p.id });
    expect(invited.statusCode, invited.body).toBe(201);
    const withPassword = await hq.post('/api/users', { email: 'pw-provider@test.cn', name: '服务商账号', role: 'provider', providerId: p.id, password: 'Provider2026x' });
    expect(withPassword.statusCode, withPassword.body).toBe(201);
    const northA = t.fixture.schools.northA;
    expect((await hq.put(`/api/providers/${p.id}/schools/${northA.id}`)).statusCode).toBe(200);
    // Both accounts are told about the new school.
    for (const id of [invited.json().id, withPassword.json().id]) {
      const rows = await t.database.db.select().from(notifications).where(and(eq(notifications.userId, id), eq(notifications.kind, 'provider.assigned')));
      expect(rows, String(id)).toHaveLength(1);
    }
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'pw-provider@test.cn', password: 'Provider2026x' } });
    expect(login.statusCode, login.body).toBe(200);
    const cookie = `cp_session=${login.cookies.find((c) => c.name === 'cp_session')!.value}`;
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    expect(me.json()).toMatchObject({ role: 'provider', providerId: p.id });
    expect((await t.app.inject({ method: 'GET', url: `/api/schools/${northA.id}`, headers: { cookie } })).statusCode).toBe(200);
    expect((await hq.delete(`/api/providers/${p.id}/schools/${northA.id}`)).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: `/api/schools/${northA.id}`, headers: { cookie } })).statusCode).toBe(404);
  });
});
