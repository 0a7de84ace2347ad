import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, listQuery, type TestContext } from '../../../test/test-app.js';
import { act, createDraft } from '../../../test/application-builders.js';

/**
 * The audit list shows an event only to a role that may read the record it belongs to: the record's
 * resource permission and its scope. Regional staff may not read feedback about providers, schools
 * may not read providers' content proposals; neither may read them through their history.
 */
let t: TestContext;
let feedbackId: number;
let proposalId: number;
let applicationId: number;
const REPLY = '已与服务商沟通，涉事导师停职检查。';
const REASON = '课程内容与平台规则冲突，驳回。';

interface Event { id: number; entityType: string; entityId: number; comment: string | null }
const events = async (email: string, filter: Record<string, unknown> = {}) => {
  const res = await (await t.as(email)).get('/api/audit-events', listQuery({ filter, range: [0, 999] }));
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Event[];
};
const of = (list: Event[], entityType: string, entityId: number) => list.filter((e) => e.entityType === entityType && e.entityId === entityId);

beforeAll(async () => {
  t = await createTestApp();
  const school = await t.as('school@test.cn');
  const hq = await t.as('hq@test.cn');
  const provider = await t.as('provider@test.cn');
  // A complaint about the provider, answered by HQ.
  const fb = await school.post('/api/feedback', { providerId: t.fixture.provider.id, subject: '实训导师投诉', body: '导师多次缺席。' });
  expect(fb.statusCode, fb.body).toBe(201);
  feedbackId = fb.json().id;
  expect((await act(hq, 'feedback', feedbackId, 'reply', { reply: REPLY })).statusCode).toBe(200);
  // The provider's content proposal for the school, rejected by HQ with its reasons.
  const cp = await provider.post('/api/content-proposals', { title: '直播带货实训', description: '十二学时的直播带货实训课程', classHours: 12, schoolId: t.fixture.schools.eastA.id });
  expect(cp.statusCode, cp.body).toBe(201);
  proposalId = cp.json().id;
  expect((await act(hq, 'content-proposals', proposalId, 'reject', { comment: REASON })).statusCode).toBe(200);
  // An application of the school, which the school and its region read.
  applicationId = (await createDraft(school)).id;
});
afterAll(async () => { await t?.close(); });

describe('audit events follow the access rules of their records', () => {
  it("regional staff do not see HQ's replies to complaints about providers", async () => {
    expect((await (await t.as('east@test.cn')).get(`/api/feedback/${feedbackId}`)).statusCode).toBe(403);
    const all = await events('east@test.cn');
    expect(of(all, 'feedback', feedbackId)).toEqual([]);
    expect(all.map((e) => e.comment)).not.toContain(REPLY);
    expect(await events('east@test.cn', { entityType: 'feedback' })).toEqual([]);
    expect(await events('east@test.cn', { q: REPLY })).toEqual([]);
    const [replyEvent] = of(await events('hq@test.cn'), 'feedback', feedbackId).filter((e) => e.comment === REPLY);
    expect((await (await t.as('east@test.cn')).get(`/api/audit-events/${replyEvent.id}`)).statusCode).toBe(404);
  });

  it("schools do not see HQ's reasons on providers' content proposals", async () => {
    expect((await (await t.as('school@test.cn')).get(`/api/content-proposals/${proposalId}`)).statusCode).toBe(403);
    const all = await events('school@test.cn');
    expect(of(all, 'content_proposal', proposalId)).toEqual([]);
    expect(all.map((e) => e.comment)).not.toContain(REASON);
    expect(await events('school@test.cn', { entityType: 'content_proposal', entityId: proposalId })).toEqual([]);
    const [rejectEvent] = of(await events('hq@test.cn'), 'content_proposal', proposalId).filter((e) => e.comment === REASON);
    expect((await (await t.as('school@test.cn')).get(`/api/audit-events/${rejectEvent.id}`)).statusCode).toBe(404);
  });

  it('the roles that may read the records still see their events', async () => {
    const hq = await events('hq@test.cn');
    expect(of(hq, 'feedback', feedbackId).map((e) => e.comment)).toContain(REPLY);
    expect(of(hq, 'content_proposal', proposalId).map((e) => e.comment)).toContain(REASON);
    // The school filed the complaint: it reads the feedback and HQ's reply, in its history too.
    expect(of(await events('school@test.cn', { entityType: 'feedback', entityId: feedbackId }), 'feedback', feedbackId).map((e) => e.comment)).toContain(REPLY);
    // Regional staff and the school still see the application's history.
    expect(of(await events('east@test.cn'), 'application', applicationId).length).toBeGreaterThan(0);
    expect(of(await events('school@test.cn'), 'application', applicationId).length).toBeGreaterThan(0);
    // Outside their region, nothing.
    expect(of(await events('south@test.cn'), 'application', applicationId)).toEqual([]);
  });
});
