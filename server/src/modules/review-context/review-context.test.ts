import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, listQuery, type TestContext } from '../../../test/test-app.js';
import { act, completePlan, createDraft } from '../../../test/application-builders.js';
import { agreements, instructorCertifications, instructors, tierPolicies } from '../../db/schema/index.js';
import { todayInChina, type ChecklistItem, type ReviewContextRecord } from '@campus/common';
import { daysAgo } from '../../../test/days.js';

/**
 * issue 17 item 1: every review and decision screen has its evidence beside the form. The review
 * context gives the tier policy's requirements of the agreement year (policy data, never literals)
 * against what the school submitted or recorded, the school's history, and for a resubmission the
 * plan's changes since the reviewer's return; it is read through the actor's scope.
 */
let t: TestContext;
const today = todayInChina();
const thisYear = Number(today.slice(0, 4));
const item = (ctx: ReviewContextRecord, key: ChecklistItem['key']) => ctx.checklist.find((c) => c.key === key)!;
let applicationId: number;

beforeAll(async () => {
  t = await createTestApp();
  const { db } = t.database;
  const { eastA } = t.fixture.schools;
  // This year's Industry College policy asks for 5 instructors (the 2020 one, 4): the checklist must follow the data.
  await db.insert(tierPolicies).values({
    tier: 'industry_college', effectiveYear: thisYear, certifiedInstructors: 5, teachingDelivery: 1, offlineCourses: 2, practiceHours: 150,
    certificates1x: 190, certificatesOperator: 270, jobPlatformRate: 0.9, jobFairs: 2, termYears: 3, requiresSigning: true, requiresPlaque: true, requiresInspection: true,
  });
  const [zhang, li] = await db.insert(instructors).values([{ schoolId: eastA.id, name: '张敏' }, { schoolId: eastA.id, name: '李强' }]).returning();
  await db.insert(instructorCertifications).values([
    { instructorId: zhang.id, schoolId: eastA.id, certNo: '1X-B2B-2023-0001', level: 'senior', validFrom: daysAgo(500), validTo: daysAgo(-300) },
    { instructorId: li.id, schoolId: eastA.id, certNo: '1X-B2B-2021-0009', level: 'junior', validFrom: daysAgo(1200), validTo: daysAgo(30) },
  ]);
});
afterAll(async () => { await t?.close(); });

describe('the review context of an application', () => {
  it('checks the plan against the policy of the year, item by item, with the instructors on record', async () => {
    const school = await t.as('school@test.cn');
    const draft = await createDraft(school);
    applicationId = draft.id;
    expect((await act(school, 'applications', draft.id, 'submit')).statusCode).toBe(200);
    const res = await (await t.as('east@test.cn')).get(`/api/applications/${draft.id}/review-context`);
    expect(res.statusCode, res.body).toBe(200);
    const ctx = res.json() as ReviewContextRecord;
    expect(ctx.subject).toMatchObject({ kind: 'application', id: draft.id, schoolId: t.fixture.schools.eastA.id, tier: 'industry_college', policyYear: thisYear, agreementYear: null });
    expect(item(ctx, 'certifiedInstructors')).toMatchObject({ required: { n: 5 }, actual: { n: 1, recorded: 1 }, met: false, source: 'plan' });
    // The planned instructor is the one on record, certified until a day to come.
    expect(item(ctx, 'certifiedInstructors').evidence).toEqual([{ label: '张敏', detail: '1X-B2B-2023-0001 · senior', date: daysAgo(-300), counts: true }]);
    expect(item(ctx, 'certificates')).toMatchObject({ required: { certificates1x: 190, certificatesOperator: 270 }, actual: { certificates1x: 220, certificatesOperator: 300 }, met: true });
    expect(item(ctx, 'practiceHours')).toMatchObject({ required: { n: 150 }, actual: { n: 170 }, met: true });
    expect(item(ctx, 'jobPlatformRate')).toMatchObject({ required: { n: 0.9 }, actual: { n: 0.96 }, met: true });
    expect(item(ctx, 'jobFairs')).toMatchObject({ required: { n: 2 }, actual: { n: 0 }, met: false });
    expect(item(ctx, 'qualifications')).toMatchObject({ required: { cbecDisciplineBase: true, talentTrainingValued: true, longTermPlan: true }, met: true });
    expect(item(ctx, 'signing')).toMatchObject({ required: { signing: true, plaque: true, inspection: true }, met: null });
    expect(item(ctx, 'teachingResources')).toMatchObject({ actual: { n: 1 }, met: true, evidence: [{ label: 'B2B 实训平台' }] });
    // The school's history: both instructors with their certification dates, this application.
    expect(ctx.history.instructors.map((i) => [i.name, i.validToday, i.certifications[0].validTo])).toEqual([['张敏', true, daysAgo(-300)], ['李强', false, daysAgo(30)]]);
    expect(ctx.history.applications.map((a) => a.id)).toContain(draft.id);
    expect(ctx.resubmission).toBeNull();
  });

  it('is refused outside the scope: another region 404, a provider 403', async () => {
    expect((await (await t.as('south@test.cn')).get(`/api/applications/${applicationId}/review-context`)).statusCode).toBe(404);
    expect((await (await t.as('provider@test.cn')).get(`/api/applications/${applicationId}/review-context`)).statusCode).toBe(403);
    expect((await (await t.as('school2@test.cn')).get(`/api/applications/${applicationId}/review-context`)).statusCode).toBe(404);
    expect((await (await t.as('east@test.cn')).get('/api/applications/999999/review-context')).statusCode).toBe(404);
  });

  it('marks a resubmission in the queue and shows what changed since the return', async () => {
    const east = await t.as('east@test.cn');
    const school = await t.as('school@test.cn');
    const returned = await act(east, 'applications', applicationId, 'regional_return', { comment: '请补充招聘会安排', fieldComments: { 'plan.jobFairs': '至少两场' } });
    expect(returned.statusCode, returned.body).toBe(200);
    const current = (await school.get(`/api/applications/${applicationId}`)).json();
    const [instructor, resource] = current.planItems;
    const saved = await school.put(`/api/applications/${applicationId}`, {
      ...current,
      plan: { ...completePlan, summary: '与平台共建跨境电商B2B产业学院，新增两场校园招聘会。' },
      planItems: [
        { ...instructor, title: '张敏（主讲）' },
        { id: resource.id, kind: resource.kind, title: resource.title, details: resource.details, needsPlatformSupport: resource.needsPlatformSupport },
        { kind: 'job_fair', title: '春季双选会', details: { plannedMonth: 4 } },
      ],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await act(school, 'applications', applicationId, 'resubmit')).statusCode).toBe(200);

    const queue = await east.get('/api/applications', listQuery({ filter: { queue: true } }));
    expect(queue.json().find((a: { id: number }) => a.id === applicationId)).toMatchObject({ status: 'pending_regional', resubmitted: true });
    const ctx = (await east.get(`/api/applications/${applicationId}/review-context`)).json() as ReviewContextRecord;
    expect(ctx.resubmission).toMatchObject({ action: 'regional_return', returnedBy: '华东', comment: '请补充招聘会安排', fieldComments: { 'plan.jobFairs': '至少两场' } });
    const diff = ctx.resubmission!.diff!;
    expect(diff.empty).toBe(false);
    expect(diff.fields).toEqual([{ path: 'plan.summary', before: completePlan.summary, after: '与平台共建跨境电商B2B产业学院，新增两场校园招聘会。' }]);
    expect(diff.added).toMatchObject([{ kind: 'job_fair', title: '春季双选会' }]);
    expect(diff.removed).toMatchObject([{ kind: 'practice_project', title: '义乌小商品出海项目' }]);
    expect(diff.changed).toEqual([{ id: instructor.id, kind: 'instructor', title: '张敏（主讲）', fields: [{ path: 'title', before: '张敏', after: '张敏（主讲）' }] }]);
    expect(item(ctx, 'jobFairs')).toMatchObject({ actual: { n: 1 }, evidence: [{ label: '春季双选会', detail: '4' }] });
  });
});

describe('the review context of an agreement and of an evaluation', () => {
  it('an inspection sees the instructors on record with their certification dates and the plan approved', async () => {
    const [a] = await t.database.db.insert(agreements).values({
      schoolId: t.fixture.schools.eastA.id, applicationId, tier: 'industry_college', status: 'pending_inspection', termYears: 3, signedOn: daysAgo(20), plaqueOn: daysAgo(10),
    }).returning();
    const res = await (await t.as('hq@test.cn')).get(`/api/agreements/${a.id}/review-context`);
    expect(res.statusCode, res.body).toBe(200);
    const ctx = res.json() as ReviewContextRecord;
    expect(ctx.subject).toMatchObject({ kind: 'agreement', agreementYear: null, policyYear: thisYear });
    expect(item(ctx, 'signing')).toMatchObject({ actual: { signing: daysAgo(20), plaque: daysAgo(10), inspection: null }, met: false });
    expect(item(ctx, 'certifiedInstructors')).toMatchObject({ required: { n: 5 }, actual: { n: 1 }, met: false, source: 'records' });
    expect(item(ctx, 'certifiedInstructors').evidence.map((e) => [e.label, e.date, e.counts])).toEqual([['张敏', daysAgo(-300), true], ['李强', daysAgo(30), false]]);
    expect(item(ctx, 'teachingResources').evidence.map((e) => e.label)).toEqual(['B2B 实训平台']);
    expect(ctx.history.agreements.map((x) => x.id)).toContain(a.id);
    expect((await (await t.as('south@test.cn')).get(`/api/agreements/${a.id}/review-context`)).statusCode).toBe(404);
    expect((await (await t.as('east@test.cn')).get(`/api/agreements/${a.id}/review-context`)).statusCode).toBe(200);
    expect((await (await t.as('provider@test.cn')).get(`/api/agreements/${a.id}/review-context`)).statusCode).toBe(403);
  });

  it('an evaluation decides on its frozen snapshot, against the policy of its agreement year', async () => {
    const start = `${thisYear - 2}-03-01`;
    const [a] = await t.database.db.insert(agreements).values({ schoolId: t.fixture.schools.southA.id, tier: 'talent_base', status: 'active', startDate: start, termYears: 3 }).returning();
    const hq = await t.as('hq@test.cn');
    const opened = await hq.post('/api/evaluations', { agreementId: a.id, year: 1 });
    expect(opened.statusCode, opened.body).toBe(201);
    const res = await hq.get(`/api/evaluations/${opened.json().id}/review-context`);
    expect(res.statusCode, res.body).toBe(200);
    const ctx = res.json() as ReviewContextRecord;
    expect(ctx.subject).toMatchObject({ kind: 'evaluation', agreementYear: 1, policyYear: thisYear - 2, tier: 'talent_base' });
    // The 2020 Talent Base policy, as the snapshot froze it.
    expect(item(ctx, 'certifiedInstructors')).toMatchObject({ required: { n: 3 }, actual: { n: 0 }, met: false, source: 'snapshot' });
    expect(item(ctx, 'certificates')).toMatchObject({ required: { certificates1x: 40, certificatesOperator: 60 }, met: false });
    expect(item(ctx, 'signing').required).toEqual({ signing: true, plaque: false, inspection: true });
    expect(ctx.history.compliance.some((c) => c.agreementId === a.id && c.year === 1)).toBe(true);
    expect((await (await t.as('east@test.cn')).get(`/api/evaluations/${opened.json().id}/review-context`)).statusCode).toBe(404);
    expect((await (await t.as('south@test.cn')).get(`/api/evaluations/${opened.json().id}/review-context`)).statusCode).toBe(200);
  });
});
