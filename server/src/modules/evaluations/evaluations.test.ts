import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import { createTestApp, listQuery, type TestContext } from '../../../test/test-app.js';
import { act, completeItems, completePlan } from '../../../test/application-builders.js';
import { waitUntil } from '../../../test/wait-until.js';
import { agreements, applications, auditEvents, evaluations, tierPolicies } from '../../db/schema/index.js';
import { agreementYear, todayInChina } from '@campus/common';
import { daysAgo } from '../../../test/days.js';

let t: TestContext;
const today = todayInChina();
const daysAhead = (n: number) => daysAgo(-n);
let talentBase: number; // East school A: talent base, year 1 ended
let pilot: number; // South school C: 1+X pilot, one-year term ended

beforeAll(async () => {
  t = await createTestApp();
  const { eastA, southA } = t.fixture.schools;
  // Small thresholds so a handful of facts decide compliance.
  await t.database.db.update(tierPolicies).set({ certifiedInstructors: 0, teachingDelivery: null, certificates1x: 1, certificatesOperator: 1, jobPlatformRate: null, jobFairs: 1 }).where(eq(tierPolicies.tier, 'talent_base'));
  const [a, b] = await t.database.db.insert(agreements).values([
    { schoolId: eastA.id, tier: 'talent_base', status: 'active', startDate: daysAgo(400), termYears: 3 },
    { schoolId: southA.id, tier: 'pilot_1x', status: 'active', startDate: daysAgo(370), termYears: 1 },
  ]).returning();
  talentBase = a.id;
  pilot = b.id;
  // Year 1 of the talent base: one certificate, no job fair → fails jobFairs.
  const school = await t.as('school@test.cn');
  const s = (await school.post('/api/students', { studentNo: 'E1', name: '学生', cohortYear: 2024, enrolledOn: daysAgo(500) })).json();
  await school.post('/api/certificates', { studentId: s.id, kind: '1x_junior', issuedOn: daysAgo(200) });
});
afterAll(async () => { await t?.close(); });

const evaluation = async (id: number) => (await (await t.as('hq@test.cn')).get(`/api/evaluations/${id}`)).json();

describe('a failing year: open, frozen snapshot, rectify, close', () => {
  let evalId: number;

  it('HQ opens the evaluation of an ended year; its KPIs are frozen as the snapshot', async () => {
    const hq = await t.as('hq@test.cn');
    expect((await hq.post('/api/evaluations', { agreementId: talentBase, year: 2 })).statusCode).toBe(400);
    const res = await hq.post('/api/evaluations', { agreementId: talentBase, year: 1 });
    expect(res.statusCode, res.body).toBe(201);
    evalId = res.json().id;
    expect(res.json()).toMatchObject({ status: 'open', kind: 'annual', year: 1, allowedActions: ['refresh', 'decide'], snapshot: { compliant: false, failingKpis: ['jobFairs'] } });
    expect((await hq.post('/api/evaluations', { agreementId: talentBase, year: 1 })).statusCode).toBe(409);
    expect((await (await t.as('east@test.cn')).post('/api/evaluations', { agreementId: talentBase, year: 1 })).statusCode).toBe(403);
  });

  it('a fact recorded later does not change the snapshot; a refresh does, and is audited', async () => {
    const school = await t.as('school@test.cn');
    const { from } = agreementYear(daysAgo(400), 1);
    await school.post('/api/job-fairs', { title: '补办招聘会', heldOn: from });
    expect((await evaluation(evalId)).snapshot).toMatchObject({ compliant: false, failingKpis: ['jobFairs'] });
    const refreshed = await act(await t.as('hq@test.cn'), 'evaluations', evalId, 'refresh', { comment: '学校补录了招聘会' });
    expect(refreshed.statusCode, refreshed.body).toBe(200);
    expect(refreshed.json().snapshot).toMatchObject({ compliant: true, failingKpis: [] });
    const [audit] = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.entityType, 'evaluation'), eq(auditEvents.action, 'refresh')));
    expect(audit.data).toMatchObject({ before: { compliant: false }, after: { compliant: true } });
    // the fair is removed again so that the year fails for the rest of the story
    const fairs = (await school.get('/api/job-fairs')).json();
    await school.delete(`/api/job-fairs/${fairs[0].id}`);
    await act(await t.as('hq@test.cn'), 'evaluations', evalId, 'refresh');
  });

  it('rectify without failing KPIs, or with a past deadline, is 400 and changes nothing', async () => {
    const hq = await t.as('hq@test.cn');
    const e = await evaluation(evalId);
    const bad = await hq.post(`/api/evaluations/${evalId}/actions/decide`, { version: e.version, decision: 'rectify', reason: '未举办招聘会', deadline: daysAgo(1), notice: '请整改' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details.map((d: { field: string }) => d.field)).toEqual(['failingKpis', 'deadline']);
    expect((await evaluation(evalId)).status).toBe('open');
    expect((await hq.post(`/api/evaluations/${evalId}/actions/decide`, { version: e.version - 1, decision: 'continue', reason: 'x' })).statusCode).toBe(409);
  });

  it('HQ decides rectify: the agreement is rectifying with the notice, the school is told', async () => {
    const hq = await t.as('hq@test.cn');
    const decided = await act(hq, 'evaluations', evalId, 'decide', { decision: 'rectify', reason: '未举办招聘会', failingKpis: ['jobFairs'], deadline: daysAhead(60), notice: '请在60天内举办至少一场招聘会' });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json()).toMatchObject({ status: 'decided', decision: 'rectify', deadline: daysAhead(60), allowedActions: [] });
    const school = await t.as('school@test.cn');
    const agreement = (await school.get(`/api/agreements/${talentBase}`)).json();
    expect(agreement).toMatchObject({ status: 'rectifying', rectificationNotice: '请在60天内举办至少一场招聘会', rectification: { overdue: false, canClose: false, kpis: [{ kpi: 'jobFairs', met: false }] } });
    expect((await act(hq, 'evaluations', evalId, 'decide', { decision: 'continue', reason: 'again' })).statusCode).toBe(409);
    const inbox = (await school.get('/api/notifications')).json();
    expect(inbox.some((n: { kind: string }) => n.kind === 'evaluation.rectify')).toBe(true);
    expect((await hq.get('/api/agreements', listQuery({ filter: { rectificationDueWithin: 60 } }))).json().map((a: { id: number }) => a.id)).toEqual([talentBase]);
    expect((await hq.get('/api/agreements', listQuery({ filter: { rectificationOverdue: true } }))).json()).toEqual([]);
  });

  it('the school adds the missing facts; the product proposes closing; HQ closes', async () => {
    const school = await t.as('school@test.cn');
    await school.post('/api/job-fairs', { title: '秋季双选会', heldOn: today });
    const agreement = (await school.get(`/api/agreements/${talentBase}`)).json();
    expect(agreement.rectification).toMatchObject({ canClose: true, kpis: [{ kpi: 'jobFairs', met: true }] });
    const closed = await act(await t.as('hq@test.cn'), 'agreements', talentBase, 'close_rectification', { comment: '已举办招聘会，整改完成' });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'active', rectification: null, rectificationNotice: null });
  });
});

describe('the final review of a term', () => {
  it('upgrade opens a prefilled application for the tier above; once it is active the old agreement is superseded', async () => {
    const hq = await t.as('hq@test.cn');
    const [source] = await t.database.db.insert(applications).values({ schoolId: t.fixture.schools.southA.id, tier: 'pilot_1x', status: 'approved', plan: completePlan, pledge: true }).returning();
    await t.database.db.update(agreements).set({ applicationId: source.id }).where(eq(agreements.id, pilot));
    const opened = (await hq.post('/api/evaluations', { agreementId: pilot, year: 1 })).json();
    expect(opened.kind).toBe('final');
    expect((await act(hq, 'evaluations', opened.id, 'decide', { decision: 'continue', reason: 'x' })).statusCode).toBe(400);
    const decided = await act(hq, 'evaluations', opened.id, 'decide', { decision: 'upgrade', reason: '指标全部达标，建议升级为人才基地' });
    expect(decided.statusCode, decided.body).toBe(200);
    const school = await t.as('school2@test.cn');
    const draft = (await school.get(`/api/applications/${decided.json().applicationId}`)).json();
    expect(draft).toMatchObject({ status: 'draft', tier: 'talent_base', upgradeFromAgreementId: pilot, plan: { summary: completePlan.summary } });

    await school.put(`/api/applications/${draft.id}`, { version: draft.version, pledge: true, planItems: completeItems });
    expect((await act(school, 'applications', draft.id, 'submit')).statusCode).toBe(200);
    await act(await t.as('south@test.cn'), 'applications', draft.id, 'regional_approve');
    const items = (await hq.get(`/api/applications/${draft.id}`)).json().planItems;
    const approvals = Object.fromEntries(items.filter((i: { needsPlatformSupport: boolean }) => i.needsPlatformSupport).map((i: { id: number }) => [i.id, true]));
    expect((await act(hq, 'applications', draft.id, 'hq_approve', { planItemDecisions: approvals })).statusCode).toBe(200);
    const [newAgreement] = await t.database.db.select().from(agreements).where(eq(agreements.applicationId, draft.id));
    expect(newAgreement).toMatchObject({ status: 'pending_signing', previousAgreementId: pilot });
    expect((await act(hq, 'agreements', newAgreement.id, 'sign', { on: today })).json().status).toBe('pending_inspection');
    expect((await act(hq, 'agreements', pilot, 'close_rectification', { comment: 'x' })).statusCode).toBe(409);
    const active = await act(hq, 'agreements', newAgreement.id, 'pass_inspection', { on: today, checklist: { instructorsInPlace: true, resourcesConfigured: true } });
    expect(active.json().status).toBe('active');
    expect((await hq.get(`/api/agreements/${pilot}`)).json()).toMatchObject({ status: 'superseded', endedOn: today });
  });

  it('renew starts a new agreement of the same tier the day after the term; not_renew lets it expire', async () => {
    const hq = await t.as('hq@test.cn');
    const [r, n] = await t.database.db.insert(agreements).values([
      { schoolId: t.fixture.schools.northA.id, tier: 'partner_school', status: 'active', startDate: daysAgo(380), termYears: 1 },
      { schoolId: t.fixture.schools.southB.id, tier: 'partner_school', status: 'active', startDate: daysAgo(390), termYears: 1 },
    ]).returning();
    const er = (await hq.post('/api/evaluations', { agreementId: r.id, year: 1 })).json();
    const renewed = (await act(hq, 'evaluations', er.id, 'decide', { decision: 'renew', reason: '续签' })).json();
    const [next] = await t.database.db.select().from(agreements).where(eq(agreements.id, renewed.newAgreementId));
    expect(next).toMatchObject({ tier: 'partner_school', status: 'active', startDate: agreementYear(daysAgo(380), 1).to, previousAgreementId: r.id });
    expect((await hq.get(`/api/agreements/${r.id}`)).json().status).toBe('renewed');
    const en = (await hq.post('/api/evaluations', { agreementId: n.id, year: 1 })).json();
    await act(hq, 'evaluations', en.id, 'decide', { decision: 'not_renew', reason: '不再续约' });
    expect((await hq.get(`/api/agreements/${n.id}`)).json().status).toBe('expired');
    expect((await hq.get(`/api/schools/${t.fixture.schools.southB.id}`)).json()).toMatchObject({ status: 'expired', tier: null });
  });
});

describe('bulk opening and scope', () => {
  it('opens every ended year without an evaluation, with progress', async () => {
    const hq = await t.as('hq@test.cn');
    await t.database.db.insert(agreements).values({ schoolId: t.fixture.schools.eastB.id, tier: 'partner_school', status: 'active', startDate: daysAgo(800), termYears: 3 });
    const res = await hq.post('/api/evaluations/bulk-open', {});
    expect(res.statusCode).toBe(202);
    const started = res.json();
    const job = started.status !== 'running' ? started : await waitUntil(`bulk job ${started.id} finishes`, async () => {
      const polled = (await hq.get(`/api/evaluations/bulk-jobs/${started.id}`)).json();
      return polled.status !== 'running' && polled;
    }, { intervalMs: 100 });
    expect(job).toMatchObject({ status: 'done', total: 2, done: 2, result: { opened: 2 } });
    const [{ n }] = await t.database.db.select({ n: count() }).from(evaluations).where(eq(evaluations.schoolId, t.fixture.schools.eastB.id));
    expect(n).toBe(2);
  });

  it('a school sees its own evaluations only; a provider none', async () => {
    const school = (await (await t.as('school@test.cn')).get('/api/evaluations')).json();
    expect(school.every((e: { schoolId: number }) => e.schoolId === t.fixture.schools.eastA.id)).toBe(true);
    expect((await (await t.as('provider@test.cn')).get('/api/evaluations')).statusCode).toBe(403);
    const other = (await (await t.as('school2@test.cn')).get(`/api/evaluations/${school[0].id}`));
    expect(other.statusCode).toBe(404);
  });
});
