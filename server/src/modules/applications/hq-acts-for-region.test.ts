import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, gt } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../../../test/test-app.js';
import { applications, auditEvents, users } from '../../db/schema/index.js';

let t: TestContext;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t?.close(); });

const pending = async (schoolId: number) => {
  const [row] = await t.database.db.insert(applications).values({ schoolId, tier: 'partner_school', status: 'pending_regional', plan: { summary: 'x' }, pledge: true }).returning();
  return row;
};
const act = async (email: string, id: number, action: string, body: Record<string, unknown> = {}) => {
  const c = await t.as(email);
  const current = (await (await t.as('hq@test.cn')).get(`/api/applications/${id}`)).json();
  return c.post(`/api/applications/${id}/actions/${action}`, { version: current.version, ...body });
};
const regionalActions = ['regional_approve', 'regional_reject', 'regional_return'];
/** The first test's application, still waiting for regional review (a school has one in flight at a time). */
let waiting = 0;

describe('HQ takes the regional step of a region without active regional staff (issue 13 item 9)', () => {
  it('while the region has active staff HQ is refused (403) and is offered none of the regional actions', async () => {
    const app = await pending(t.fixture.schools.eastA.id);
    waiting = app.id;
    const hq = await t.as('hq@test.cn');
    const read = (await hq.get(`/api/applications/${app.id}`)).json();
    expect(read.allowedActions).toEqual([]);
    for (const action of regionalActions) {
      const res = await act('hq@test.cn', app.id, action, { comment: '代为审核' });
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('region_has_staff');
    }
    // the region's own staff still act as ever
    expect((await (await t.as('east@test.cn')).get(`/api/applications/${app.id}`)).json().allowedActions.sort()).toEqual(regionalActions);
  });

  it('once the region\'s staff are deactivated HQ may act, and the audit event says HQ acted for the region', async () => {
    const { east } = t.fixture.regions;
    const a = { id: waiting };
    const b = await pending(t.fixture.schools.eastB.id);
    await t.fixture.deactivate('east@test.cn');
    try {
      const hq = await t.as('hq@test.cn');
      expect((await hq.get(`/api/applications/${a.id}`)).json().allowedActions.sort()).toEqual(regionalActions);
      const maxId = (await t.database.db.select({ id: auditEvents.id }).from(auditEvents)).reduce((m, r) => Math.max(m, r.id), 0);
      const approved = await act('hq@test.cn', a.id, 'regional_approve');
      expect(approved.statusCode).toBe(200);
      expect(approved.json().status).toBe('pending_hq');
      // a reject still needs its reason; a return its comments
      expect((await act('hq@test.cn', b.id, 'regional_reject')).statusCode).toBe(400);
      const returned = await act('hq@test.cn', b.id, 'regional_return', { comment: '请补充师资证明' });
      expect(returned.statusCode).toBe(200);
      expect(returned.json().status).toBe('returned');
      const events = await t.database.db.select().from(auditEvents)
        .where(and(gt(auditEvents.id, maxId), eq(auditEvents.entityType, 'application'))).orderBy(auditEvents.id);
      expect(events.map((e) => [e.entityId, e.action])).toEqual([[a.id, 'regional_approve'], [b.id, 'regional_return']]);
      for (const e of events) {
        expect(e.actorId).toBe(t.fixture.users['hq@test.cn'].id);
        expect(e.data).toMatchObject({ actedForRegion: east.id });
      }
    } finally {
      await t.database.db.update(users).set({ active: true }).where(eq(users.email, 'east@test.cn'));
    }
  });

  it('a region that never had staff: HQ rejects with a reason; regional staff of another region still see nothing (404)', async () => {
    const app = await pending(t.fixture.schools.northA.id);
    const rejected = await act('hq@test.cn', app.id, 'regional_reject', { comment: '资质不符' });
    expect(rejected.statusCode).toBe(200);
    expect(rejected.json().status).toBe('rejected');
    const other = await pending(t.fixture.schools.northA.id);
    expect((await act('east@test.cn', other.id, 'regional_approve')).statusCode).toBe(404);
  });

  it('the regional staff\'s own action records no actedForRegion', async () => {
    const app = await pending(t.fixture.schools.southA.id);
    expect((await act('south@test.cn', app.id, 'regional_approve')).statusCode).toBe(200);
    const [e] = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.entityType, 'application'), eq(auditEvents.entityId, app.id)));
    expect(e.data ?? {}).not.toHaveProperty('actedForRegion');
  });
});
