import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq, sql } from 'drizzle-orm';
import { createTestApp, listQuery, type TestContext } from '../../../test/test-app.js';
import { act, completeItems, completePlan, createDraft } from '../../../test/application-builders.js';
import { applications, auditEvents, notifications } from '../../db/schema/index.js';

let t: TestContext;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t?.close(); });

const auditCount = async (id: number, action?: string) => {
  const [row] = await t.database.db.select({ n: count() }).from(auditEvents)
    .where(and(eq(auditEvents.entityType, 'application'), eq(auditEvents.entityId, id), action ? eq(auditEvents.action, action) : undefined));
  return row.n;
};
const statusOf = async (id: number) => (await t.database.db.select().from(applications).where(eq(applications.id, id)))[0];

describe('the school drafts an application', () => {
  it('creates a draft for its own school, with plan items, and only one in flight', async () => {
    const school = await t.as('school2@test.cn');
    const draft = await createDraft(school, 'talent_base');
    expect(draft).toMatchObject({ status: 'draft', version: 1, schoolId: t.fixture.schools.southA.id, editable: true, allowedActions: ['submit', 'delete'] });
    expect(draft.planItems.map((i: { title: string }) => i.title)).toEqual(completeItems.map((i) => i.title));
    const again = await school.post('/api/applications', { tier: 'pilot_1x' });
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toContain(`#${draft.id}`);
    expect((await school.delete(`/api/applications/${draft.id}`)).statusCode).toBe(200);
    expect(await statusOf(draft.id)).toBeUndefined();
  });

  it('saves the draft as the user types, version by version; a stale save is 409 and changes nothing', async () => {
    const school = await t.as('school2@test.cn');
    const draft = await createDraft(school, 'talent_base');
    const saved = await school.put(`/api/applications/${draft.id}`, { ...draft, plan: { ...completePlan, summary: '更新后的实施方案摘要，包含课程与就业。' } });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ version: 2, plan: { summary: '更新后的实施方案摘要，包含课程与就业。' } });
    const stale = await school.put(`/api/applications/${draft.id}`, { version: 1, pledge: false });
    expect(stale.statusCode).toBe(409);
    expect((await statusOf(draft.id)).pledge).toBe(true);
    const unknownField = await school.put(`/api/applications/${draft.id}`, { version: 2, plan: { hack: true } });
    expect(unknownField.statusCode).toBe(400);
    await school.delete(`/api/applications/${draft.id}`);
  });

  it('a save without planItems leaves the plan items as they are; an explicit empty list clears them', async () => {
    const school = await t.as('school2@test.cn');
    const draft = await createDraft(school, 'talent_base');
    const items = draft.planItems.map((i: { id: number }) => i.id);
    expect(items.length).toBeGreaterThan(0);
    // What a client holding a list row (no planItems key) sends back: the items are not touched.
    const { planItems: _omitted, ...withoutItems } = draft;
    const phone = await school.put(`/api/applications/${draft.id}`, { ...withoutItems, plan: { ...draft.plan, contact: { ...draft.plan.contact, phone: '020-88886666' } } });
    expect(phone.statusCode).toBe(200);
    expect(phone.json().planItems.map((i: { id: number }) => i.id)).toEqual(items);
    expect(phone.json().plan.contact.phone).toBe('020-88886666');
    const emptied = await school.put(`/api/applications/${draft.id}`, { version: phone.json().version, planItems: [] });
    expect(emptied.statusCode).toBe(200);
    expect(emptied.json().planItems).toEqual([]);
    await school.delete(`/api/applications/${draft.id}`);
  });

  it('other roles cannot create or edit applications', async () => {
    for (const email of ['hq@test.cn', 'east@test.cn', 'provider@test.cn']) {
      expect((await (await t.as(email)).post('/api/applications', { tier: 'pilot_1x' })).statusCode).toBe(403);
    }
  });
});

describe('the review journey', () => {
  it('submit → regional return → resubmit → regional approve → hq approve creates the agreement', async () => {
    const school = await t.as('school@test.cn');
    const east = await t.as('east@test.cn');
    const draft = await createDraft(school);

    // submit with a missing field is 400 naming it, and changes nothing
    await school.put(`/api/applications/${draft.id}`, { version: 1, pledge: false });
    const missing = await act(school, 'applications', draft.id, 'submit');
    expect(missing.statusCode).toBe(400);
    expect(missing.json().details).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'pledge' })]));
    expect((await statusOf(draft.id)).status).toBe('draft');
    await school.put(`/api/applications/${draft.id}`, { version: 2, pledge: true });

    const submitted = await act(school, 'applications', draft.id, 'submit');
    expect(submitted.statusCode).toBe(200);
    expect(submitted.json()).toMatchObject({ status: 'pending_regional', allowedActions: ['withdraw'], editable: false });
    const [notified] = await t.database.db.select({ n: count() }).from(notifications)
      .where(and(eq(notifications.userId, t.fixture.users['east@test.cn'].id), eq(notifications.entityId, draft.id)));
    expect(notified.n).toBe(1);

    // the queue of the East China reviewer shows it; South China's does not
    const queue = await east.get('/api/applications', listQuery({ filter: { queue: true } }));
    expect(queue.json().map((a: { id: number }) => a.id)).toContain(draft.id);
    const south = await t.as('south@test.cn');
    expect((await south.get(`/api/applications/${draft.id}`)).statusCode).toBe(404);
    expect((await act(east, 'applications', draft.id, 'regional_approve')).statusCode).toBe(200);
    // …but it was approved too early for this story: start again from a return
  });

  it('a returned application shows the comments by field; the school revises and resubmits', async () => {
    const school = await t.as('school2@test.cn');
    const south = await t.as('south@test.cn');
    const hq = await t.as('hq@test.cn');
    const draft = await createDraft(school, 'talent_base');
    await act(school, 'applications', draft.id, 'submit');

    const noComment = await act(south, 'applications', draft.id, 'regional_return');
    expect(noComment.statusCode).toBe(400);
    expect(noComment.json().message).toContain('comment');

    const returned = await act(south, 'applications', draft.id, 'regional_return', { comment: '请补充就业目标', fieldComments: { 'plan.targets': '就业率目标需不低于95%' } });
    expect(returned.statusCode).toBe(200);
    const seen = (await school.get(`/api/applications/${draft.id}`)).json();
    expect(seen).toMatchObject({ status: 'returned', editable: true, reviewComments: { 'plan.targets': '就业率目标需不低于95%', _overall: '请补充就业目标' } });
    expect(seen.allowedActions.sort()).toEqual(['resubmit', 'withdraw']);

    await school.put(`/api/applications/${draft.id}`, { version: seen.version, plan: { ...completePlan, targets: { ...completePlan.targets, jobPlatformRate: 0.97 } } });
    expect((await act(school, 'applications', draft.id, 'resubmit')).json()).toMatchObject({ status: 'pending_regional', reviewComments: {} });
    expect((await act(south, 'applications', draft.id, 'regional_approve')).json().status).toBe('pending_hq');

    // HQ must approve the item that needs platform support
    const unapproved = await act(hq, 'applications', draft.id, 'hq_approve');
    expect(unapproved.statusCode).toBe(400);
    expect(unapproved.json().details[0].field).toMatch(/^planItemDecisions\./);
    const support = seen.planItems.find((i: { needsPlatformSupport: boolean }) => i.needsPlatformSupport);
    const approved = await act(hq, 'applications', draft.id, 'hq_approve', { planItemDecisions: { [support.id]: true }, comment: '同意' });
    expect(approved.statusCode).toBe(200);
    expect(approved.json().status).toBe('approved');
    expect(approved.json().planItems.find((i: { id: number }) => i.id === support.id).approved).toBe(true);

    const agreements = (await hq.get('/api/agreements', listQuery({ filter: { schoolId: t.fixture.schools.southA.id } }))).json();
    expect(agreements).toEqual([expect.objectContaining({ tier: 'talent_base', status: 'pending_signing', termYears: 3, applicationId: draft.id, allowedActions: ['sign'] })]);

    const history = (await school.get('/api/audit-events', listQuery({ filter: { entityType: 'application', entityId: draft.id }, sort: ['id', 'ASC'] }))).json();
    // The school's revision between the return and the resubmission is audited with what it changed (issue 12).
    expect(history.map((e: { action: string }) => e.action)).toEqual(['create', 'submit', 'regional_return', 'update', 'resubmit', 'regional_approve', 'hq_approve']);
    expect(history[2]).toMatchObject({ fromState: 'pending_regional', toState: 'returned', comment: '请补充就业目标', actorName: '华南' });
    expect(history[3].data).toEqual({ changes: { 'plan.targets.jobPlatformRate': { from: 0.96, to: 0.97 } } });
  });

  it('refuses what the role, state or scope does not allow, and changes nothing', async () => {
    const school = await t.as('school@test.cn');
    const [inFlight] = await t.database.db.select().from(applications).where(eq(applications.schoolId, t.fixture.schools.eastA.id));
    expect(inFlight.status).toBe('pending_hq');
    const before = await auditCount(inFlight.id);
    const cases: [string, string, number, Record<string, unknown>?][] = [
      ['school@test.cn', 'hq_approve', 403],
      ['east@test.cn', 'hq_approve', 403],
      ['east@test.cn', 'regional_approve', 409],
      ['hq@test.cn', 'submit', 403],
      ['hq@test.cn', 'hq_reject', 400, { comment: ' ' }],
      ['south@test.cn', 'regional_approve', 404],
      ['school2@test.cn', 'withdraw', 404],
      ['provider@test.cn', 'withdraw', 403],
      ['hq@test.cn', 'launch_rocket', 400],
    ];
    for (const [email, action, status, body] of cases) {
      const res = await (await t.as(email)).post(`/api/applications/${inFlight.id}/actions/${action}`, { version: inFlight.version, ...body });
      expect(res.statusCode, `${email} ${action}`).toBe(status);
      expect(res.json()).toHaveProperty('message');
    }
    const stale = await school.post(`/api/applications/${inFlight.id}/actions/withdraw`, { version: inFlight.version - 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toBe('stale_version');
    const after = await statusOf(inFlight.id);
    expect(after).toMatchObject({ status: 'pending_hq', version: inFlight.version });
    expect(await auditCount(inFlight.id)).toBe(before);
  });

  it('providers do not see applications at all', async () => {
    const provider = await t.as('provider@test.cn');
    expect((await provider.get('/api/applications')).statusCode).toBe(403);
  });

  it('ten concurrent approvals: exactly one wins, the rest get 409, one audit event', async () => {
    const hq = await t.as('hq@test.cn');
    const [app] = await t.database.db.select().from(applications).where(eq(applications.schoolId, t.fixture.schools.eastA.id));
    const items = (await hq.get(`/api/applications/${app.id}`)).json().planItems;
    const decisions = Object.fromEntries(items.filter((i: { needsPlatformSupport: boolean }) => i.needsPlatformSupport).map((i: { id: number }) => [i.id, true]));
    const results = await Promise.all(Array.from({ length: 10 }, () =>
      hq.post(`/api/applications/${app.id}/actions/hq_approve`, { version: app.version, planItemDecisions: decisions })));
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes.filter((c) => c === 200)).toHaveLength(1);
    expect(codes.filter((c) => c === 409)).toHaveLength(9);
    expect(await auditCount(app.id, 'hq_approve')).toBe(1);
    const [agreementCount] = await t.database.db.select({ n: count() }).from(sql`agreements`).where(sql`application_id = ${app.id}`);
    expect(agreementCount.n).toBe(1);
  });

  it('a school withdraws; only a draft can be deleted', async () => {
    const school = await t.as('school2@test.cn');
    const draft = await createDraft(school, 'pilot_1x');
    await act(school, 'applications', draft.id, 'submit');
    expect((await school.delete(`/api/applications/${draft.id}`)).statusCode).toBe(409);
    const withdrawn = await act(school, 'applications', draft.id, 'withdraw');
    expect(withdrawn.json()).toMatchObject({ status: 'withdrawn', allowedActions: [] });
  });

  it('a 1+X Pilot is active as soon as HQ approves it', async () => {
    const hq = await t.as('hq@test.cn');
    const east = await t.as('east@test.cn');
    // a school user for the East China pilot school
    const { db } = t.database;
    await db.execute(sql`insert into users (email, name, role, school_id, password_hash) select 'yiwu@test.cn', '义乌', 'school', ${t.fixture.schools.eastB.id}, password_hash from users where email = 'hq@test.cn'`);
    const yiwu = await t.as('yiwu@test.cn');
    const draft = await createDraft(yiwu, 'pilot_1x');
    await act(yiwu, 'applications', draft.id, 'submit');
    await act(east, 'applications', draft.id, 'regional_approve');
    const support = draft.planItems.filter((i: { needsPlatformSupport: boolean }) => i.needsPlatformSupport).map((i: { id: number }) => [i.id, true]);
    expect((await act(hq, 'applications', draft.id, 'hq_approve', { planItemDecisions: Object.fromEntries(support) })).statusCode).toBe(200);
    const agreement = (await yiwu.get('/api/agreements')).json()[0];
    expect(agreement).toMatchObject({ tier: 'pilot_1x', status: 'active', currentYear: 1, termYears: 1, allowedActions: [] });
    expect((await yiwu.get(`/api/schools/${t.fixture.schools.eastB.id}`)).json()).toMatchObject({ tier: 'pilot_1x', status: 'partner' });
  });
});
