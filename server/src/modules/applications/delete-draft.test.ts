import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../../../test/test-app.js';
import { act, completeItems, createDraft } from '../../../test/application-builders.js';
import { applicationPlanItems, applications, auditEvents } from '../../db/schema/index.js';

/**
 * issue 12: deleting a draft is a row of the application transition table (action `delete`, a draft,
 * the school): it comes with allowedActions, and the DELETE route runs through the table, audited
 * with the deleted record.
 */
let t: TestContext;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t?.close(); });

const rowOf = async (id: number) => (await t.database.db.select().from(applications).where(eq(applications.id, id)))[0];
const eventsOf = (id: number) => t.database.db.select().from(auditEvents)
  .where(and(eq(auditEvents.entityType, 'application'), eq(auditEvents.entityId, id))).orderBy(asc(auditEvents.id));

describe('deleting a draft, through the transition table', () => {
  it('a draft offers delete to its school; a submitted application does not', async () => {
    const school = await t.as('school2@test.cn');
    const draft = await createDraft(school, 'talent_base');
    expect(draft.allowedActions).toEqual(['submit', 'delete']);
    const submitted = await act(school, 'applications', draft.id, 'submit');
    expect(submitted.json().allowedActions).toEqual(['withdraw']);
    const south = await t.as('south@test.cn');
    expect((await south.get(`/api/applications/${draft.id}`)).json().allowedActions).not.toContain('delete');
    expect((await school.delete(`/api/applications/${draft.id}`)).statusCode).toBe(409);
    expect(await rowOf(draft.id)).toMatchObject({ status: 'pending_regional' });
    await act(school, 'applications', draft.id, 'withdraw');
  });

  it('DELETE removes the draft and its plan items; the audit event keeps the deleted record', async () => {
    const school = await t.as('school@test.cn');
    const draft = await createDraft(school, 'talent_base');
    const res = await school.delete(`/api/applications/${draft.id}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id: draft.id, status: 'draft' });
    expect(await rowOf(draft.id)).toBeUndefined();
    expect(await t.database.db.select().from(applicationPlanItems).where(eq(applicationPlanItems.applicationId, draft.id))).toEqual([]);
    const events = await eventsOf(draft.id);
    expect(events.map((e) => e.action)).toEqual(['create', 'delete']);
    const deleted = events[1];
    expect(deleted).toMatchObject({ fromState: 'draft', toState: null, schoolId: t.fixture.schools.eastA.id });
    expect(deleted.data).toMatchObject({ deleted: { id: draft.id, tier: 'talent_base', status: 'draft', pledge: true } });
    const items = (deleted.data as { deleted: { planItems: { title: string }[] } }).deleted.planItems;
    expect(items.map((i) => i.title)).toEqual(completeItems.map((i) => i.title));
  });

  it('the action route takes delete as well: version-checked, answered with the record as it was', async () => {
    const school = await t.as('school@test.cn');
    const draft = await createDraft(school, 'talent_base');
    const stale = await school.post(`/api/applications/${draft.id}/actions/delete`, { version: draft.version + 1 });
    expect(stale.statusCode).toBe(409);
    expect(await rowOf(draft.id)).toBeDefined();
    const res = await school.post(`/api/applications/${draft.id}/actions/delete`, { version: draft.version });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id: draft.id, status: 'draft' });
    expect(await rowOf(draft.id)).toBeUndefined();
    expect((await school.get(`/api/applications/${draft.id}`)).statusCode).toBe(404);
  });
});
