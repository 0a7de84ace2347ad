import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq, inArray } from 'drizzle-orm';
import { createTestApp, listQuery, type TestContext } from '../../../test/test-app.js';
import { act, createDraft } from '../../../test/application-builders.js';
import { PASSWORD } from '../../../test/fixtures.js';
import { notifications, providerAssignments, providers, users } from '../../db/schema/index.js';

/**
 * A notification goes to who may read its record, and an inbox shows only what its user may read
 * now: a provider hears about its own reports and proposals, not those of another provider of the
 * same school; regional staff moved to another region no longer see the old region's items.
 */
let t: TestContext;
let studentId: number;
const userId = (email: string) => t.fixture.users[email]?.id;
const inbox = async (email: string) => {
  const res = await (await t.as(email)).get('/api/notifications', listQuery({ range: [0, 999] }));
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { id: number; kind: string; entityType: string; entityId: number }[];
};
const unread = async (email: string) => (await (await t.as(email)).get('/api/notifications/unread-count')).json().unread as number;
const stored = async (uid: number, entityType: string, entityIds: number[]) =>
  (await t.database.db.select({ n: count() }).from(notifications)
    .where(and(eq(notifications.userId, uid), eq(notifications.entityType, entityType), inArray(notifications.entityId, entityIds))))[0].n;

beforeAll(async () => {
  t = await createTestApp();
  // A second provider serves the same school, with its own user.
  const [second] = await t.database.db.insert(providers).values({ name: '宁波外贸实训服务有限公司' }).returning();
  await t.database.db.insert(providerAssignments).values({ providerId: second.id, schoolId: t.fixture.schools.eastA.id });
  const hq = await t.as('hq@test.cn');
  const created = await hq.post('/api/users', { email: 'provider2@test.cn', name: '服务商二', role: 'provider', providerId: second.id, password: PASSWORD });
  expect(created.statusCode, created.body).toBe(201);
  const [u] = await t.database.db.select().from(users).where(eq(users.email, 'provider2@test.cn'));
  t.fixture.users['provider2@test.cn'] = u;
  const student = await (await t.as('school@test.cn')).post('/api/students', { studentNo: 'N1', name: '李明', cohortYear: 2025 });
  expect(student.statusCode, student.body).toBe(201);
  studentId = student.json().id;
});
afterAll(async () => { await t?.close(); });

describe('notifications are addressed to who may read the record', () => {
  it("a provider is told about its own reports and proposals; another provider of the same school is not", async () => {
    const provider = await t.as('provider@test.cn');
    const school = await t.as('school@test.cn');
    const hq = await t.as('hq@test.cn');
    const day = '2025-03-03';
    const reports: number[] = [];
    for (const action of ['confirm', 'reject']) {
      const res = await provider.post('/api/provider-reports', { schoolId: t.fixture.schools.eastA.id, project: `实训 ${action}`, periodFrom: day, periodTo: day, records: [{ studentId, hours: 8, practicedOn: day }] });
      expect(res.statusCode, res.body).toBe(201);
      reports.push(res.json().id);
      expect((await act(school, 'provider-reports', res.json().id, action, { comment: '核对完毕' })).statusCode).toBe(200);
    }
    const proposal = await provider.post('/api/content-proposals', { title: '直播带货', description: '十二学时的直播带货实训课程', schoolId: t.fixture.schools.eastA.id });
    expect(proposal.statusCode, proposal.body).toBe(201);
    expect((await act(hq, 'content-proposals', proposal.json().id, 'approve', { comment: '同意' })).statusCode).toBe(200);

    expect(await stored(userId('provider@test.cn'), 'provider_report', reports)).toBe(2);
    expect(await stored(userId('provider@test.cn'), 'content_proposal', [proposal.json().id])).toBe(1);
    expect(await stored(userId('provider2@test.cn'), 'provider_report', reports)).toBe(0);
    expect(await stored(userId('provider2@test.cn'), 'content_proposal', [proposal.json().id])).toBe(0);
    expect(await inbox('provider2@test.cn')).toEqual([]);
    expect(await unread('provider2@test.cn')).toBe(0);
    const own = await inbox('provider@test.cn');
    expect(own.map((n) => n.kind).sort()).toEqual(['content_proposal.approve', 'provider_report.confirm', 'provider_report.reject']);
  });
});

describe('an inbox shows what its user may read now', () => {
  it("regional staff moved to another region no longer see the old region's items, and see them again when moved back", async () => {
    const school = await t.as('school@test.cn');
    const hq = await t.as('hq@test.cn');
    // Withdraw whatever the school has in progress, then submit an application: East China's staff are told.
    const draft = await createDraft(school, 'talent_base');
    expect((await act(school, 'applications', draft.id, 'submit')).statusCode).toBe(200);
    const items = (await inbox('east@test.cn')).filter((n) => n.entityType === 'application' && n.entityId === draft.id);
    expect(items.map((n) => n.kind)).toEqual(['application.submit']);
    const unreadBefore = await unread('east@test.cn');
    expect(unreadBefore).toBeGreaterThanOrEqual(1);

    const east = userId('east@test.cn');
    const moved = await hq.put(`/api/users/${east}`, { regionIds: [t.fixture.regions.north.id] });
    expect(moved.statusCode, moved.body).toBe(200);
    const c = await t.as('east@test.cn');
    expect((await inbox('east@test.cn')).filter((n) => n.entityType === 'application' && n.entityId === draft.id)).toEqual([]);
    expect(await unread('east@test.cn')).toBe(unreadBefore - 1);
    expect((await c.get(`/api/notifications/${items[0].id}`)).statusCode).toBe(404);
    expect((await c.post('/api/notifications/read', { ids: [items[0].id] })).json()).toEqual({ read: 0 });
    // The record itself is out of reach too: the inbox agrees with the rest of the API.
    expect((await c.get(`/api/applications/${draft.id}`)).statusCode).toBe(404);

    expect((await hq.put(`/api/users/${east}`, { regionIds: [t.fixture.regions.east.id] })).statusCode).toBe(200);
    expect((await inbox('east@test.cn')).filter((n) => n.entityType === 'application' && n.entityId === draft.id).map((n) => n.id)).toEqual([items[0].id]);
    expect(await unread('east@test.cn')).toBe(unreadBefore);
  });
});
