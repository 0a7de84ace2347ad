import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import { createTestApp, listQuery, type TestContext } from '../../../test/test-app.js';
import { act } from '../../../test/application-builders.js';
import { agreements, notifications, practiceRecords } from '../../db/schema/index.js';
import { todayInChina } from '@campus/common';
import { sendDeadlineNotices } from '../notifications/deadline-notices.js';
import { daysAgo } from '../../../test/days.js';

let t: TestContext;
const today = todayInChina();
const studentIds: number[] = [];

beforeAll(async () => {
  t = await createTestApp();
  await t.database.db.insert(agreements).values({ schoolId: t.fixture.schools.eastA.id, tier: 'industry_college', status: 'active', startDate: daysAgo(100), termYears: 3 });
  const school = await t.as('school@test.cn');
  for (const no of ['P1', 'P2']) studentIds.push((await school.post('/api/students', { studentNo: no, name: no, cohortYear: 2025 })).json().id);
});
afterAll(async () => { await t?.close(); });

const currentPracticeHours = async () => (await (await t.as('school@test.cn')).get('/api/compliance', listQuery({ filter: { current: true } }))).json()[0].kpis.practiceHours.value;

describe('practice-project reports', () => {
  it('a provider reports hours for its assigned school; they count only once the school confirms', async () => {
    const provider = await t.as('provider@test.cn');
    const before = await currentPracticeHours();
    const res = await provider.post('/api/provider-reports', {
      schoolId: t.fixture.schools.eastA.id, project: '阿里国际站店铺代运营', periodFrom: daysAgo(30), periodTo: daysAgo(1), outcomes: '上架产品 120 个',
      records: [{ studentId: studentIds[0], hours: 40, practicedOn: daysAgo(10) }, { studentId: studentIds[1], hours: 60, practicedOn: daysAgo(5) }],
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ status: 'submitted', studentCount: 2, totalHours: 100, allowedActions: [] });
    expect(await currentPracticeHours()).toBe(before);
    const school = await t.as('school@test.cn');
    expect((await school.get(`/api/provider-reports/${res.json().id}`)).json().allowedActions).toEqual(['confirm', 'reject']);
    const confirmed = await act(school, 'provider-reports', res.json().id, 'confirm');
    expect(confirmed.json().status).toBe('confirmed');
    expect(await currentPracticeHours()).toBe(before + 50);
    const [{ n }] = await t.database.db.select({ n: count() }).from(practiceRecords).where(and(eq(practiceRecords.providerReportId, res.json().id), eq(practiceRecords.confirmed, true)));
    expect(n).toBe(2);
  });

  it('a provider cannot report for a school it is not assigned to (404) or for students of another school (400)', async () => {
    const provider = await t.as('provider@test.cn');
    const body = { project: 'x', periodFrom: daysAgo(3), periodTo: daysAgo(1), records: [{ studentId: studentIds[0], hours: 1, practicedOn: daysAgo(2) }] };
    expect((await provider.post('/api/provider-reports', { ...body, schoolId: t.fixture.schools.southA.id })).statusCode).toBe(404);
    const other = (await (await t.as('school2@test.cn')).post('/api/students', { studentNo: 'Z1', name: 'z', cohortYear: 2025 })).json();
    expect((await provider.post('/api/provider-reports', { ...body, schoolId: t.fixture.schools.eastA.id, records: [{ studentId: other.id, hours: 1, practicedOn: daysAgo(2) }] })).statusCode).toBe(400);
    expect((await provider.post('/api/provider-reports', { ...body, schoolId: t.fixture.schools.eastA.id, records: [{ studentId: studentIds[0], hours: 1, practicedOn: daysAgo(20) }] })).statusCode).toBe(400);
  });

  it('a report of hours practised in the future is refused, naming the field (DOMAIN.md: facts are dated today or earlier)', async () => {
    const provider = await t.as('provider@test.cn');
    const before = (await t.database.db.select({ n: count() }).from(practiceRecords))[0].n;
    const res = await provider.post('/api/provider-reports', { schoolId: t.fixture.schools.eastA.id, project: 'x', periodFrom: daysAgo(1), periodTo: daysAgo(-5), records: [{ studentId: studentIds[0], hours: 4, practicedOn: daysAgo(-2) }] });
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json())).toContain('practicedOn');
    expect((await t.database.db.select({ n: count() }).from(practiceRecords))[0].n).toBe(before);
  });

  it('another school cannot see or act on the report; rejecting needs a reason', async () => {
    const provider = await t.as('provider@test.cn');
    const res = await provider.post('/api/provider-reports', { schoolId: t.fixture.schools.eastA.id, project: '直播实训', periodFrom: daysAgo(3), periodTo: daysAgo(1), records: [{ studentId: studentIds[0], hours: 8, practicedOn: daysAgo(2) }] });
    const id = res.json().id;
    expect((await (await t.as('school2@test.cn')).get(`/api/provider-reports/${id}`)).statusCode).toBe(404);
    expect((await (await t.as('school2@test.cn')).post(`/api/provider-reports/${id}/actions/confirm`, { version: 1 })).statusCode).toBe(404);
    expect((await act(provider, 'provider-reports', id, 'confirm')).statusCode).toBe(403);
    const school = await t.as('school@test.cn');
    expect((await act(school, 'provider-reports', id, 'reject')).statusCode).toBe(400);
    expect((await act(school, 'provider-reports', id, 'reject', { comment: '学生名单有误' })).json()).toMatchObject({ status: 'rejected', reviewComment: '学生名单有误' });
  });
});

describe('content proposals and feedback', () => {
  it('a provider proposes content; HQ approves it; other providers never see it', async () => {
    const provider = await t.as('provider@test.cn');
    const res = await provider.post('/api/content-proposals', { title: 'TikTok 跨境直播实战', description: '12 学时直播带货实训课程', classHours: 12 });
    expect(res.statusCode, res.body).toBe(201);
    expect((await (await t.as('school@test.cn')).get('/api/content-proposals')).statusCode).toBe(403);
    const hq = await t.as('hq@test.cn');
    expect((await act(hq, 'content-proposals', res.json().id, 'reject')).statusCode).toBe(400);
    expect((await act(hq, 'content-proposals', res.json().id, 'approve', { comment: '同意使用' })).json()).toMatchObject({ status: 'approved', decisionReason: '同意使用' });
  });

  it('a school files feedback about its provider; HQ replies and closes it; the school sees the reply', async () => {
    const school = await t.as('school@test.cn');
    expect((await school.post('/api/feedback', { providerId: 9999, subject: 'x', body: 'y' })).statusCode).toBe(400);
    const res = await school.post('/api/feedback', { providerId: t.fixture.provider.id, subject: '实训导师响应慢', body: '上周的实训导师多次迟到。' });
    expect(res.statusCode, res.body).toBe(201);
    const hq = await t.as('hq@test.cn');
    expect((await hq.get('/api/feedback', listQuery({ filter: { status: 'open' } }))).json().map((f: { id: number }) => f.id)).toContain(res.json().id);
    await act(hq, 'feedback', res.json().id, 'reply', { reply: '已与服务商沟通，下周起更换导师。' });
    await act(hq, 'feedback', res.json().id, 'close');
    expect((await school.get(`/api/feedback/${res.json().id}`)).json()).toMatchObject({ status: 'closed', reply: '已与服务商沟通，下周起更换导师。' });
    const inbox = (await school.get('/api/notifications', listQuery({ filter: { kind: 'feedback.reply' } }))).json();
    expect(inbox).toHaveLength(1);
    expect((await (await t.as('provider@test.cn')).get('/api/feedback')).statusCode).toBe(403);
    expect((await (await t.as('school2@test.cn')).get(`/api/feedback/${res.json().id}`)).statusCode).toBe(404);
  });

  it('the provider scorecard counts its schools, reports and feedback', async () => {
    const [card] = (await (await t.as('hq@test.cn')).get('/api/providers')).json();
    expect(card).toMatchObject({ schools: 1, reportsConfirmed: 1, reportsRejected: 1, feedbackTotal: 1, feedbackOpen: 0, proposalsApproved: 1, confirmedHours: 100 });
    expect((await (await t.as('school2@test.cn')).get('/api/providers')).json()).toEqual([]);
  });
});

describe('notifications', () => {
  it('rectification deadlines within 30 days or passed are noticed once per deadline', async () => {
    const { db } = t.database;
    await db.update(agreements).set({ status: 'rectifying', rectificationDeadline: daysAgo(-20), rectificationKpis: ['jobFairs'], rectificationNotice: 'n' }).where(eq(agreements.schoolId, t.fixture.schools.eastA.id));
    const sent = await sendDeadlineNotices(db, today);
    expect(sent).toBe(2); // the school's user and HQ
    expect(await sendDeadlineNotices(db, today)).toBe(0);
    await db.update(agreements).set({ rectificationDeadline: daysAgo(1) }).where(eq(agreements.schoolId, t.fixture.schools.eastA.id));
    expect(await sendDeadlineNotices(db, today)).toBe(2);
    const [{ n }] = await db.select({ n: count() }).from(notifications).where(eq(notifications.kind, 'rectification.overdue'));
    expect(n).toBe(2);
  });

  it('the inbox shows only one\'s own notifications, with an unread count, and marks them read', async () => {
    const school = await t.as('school@test.cn');
    const unread = (await school.get('/api/notifications/unread-count')).json().unread;
    expect(unread).toBeGreaterThan(0);
    const mine = (await school.get('/api/notifications', listQuery({ range: [0, 99] }))).json();
    const other = await t.as('school2@test.cn');
    expect((await other.get(`/api/notifications/${mine[0].id}`)).statusCode).toBe(404);
    expect((await school.post('/api/notifications/read', { all: true })).json().read).toBe(unread);
    expect((await school.get('/api/notifications/unread-count')).json().unread).toBe(0);
  });
});

describe('the scorecard is HQ\'s', () => {
  it('other roles see who the provider is, not its other schools or their results', async () => {
    for (const email of ['east@test.cn', 'school@test.cn', 'provider@test.cn']) {
      const [p] = (await (await t.as(email)).get('/api/providers')).json();
      expect(Object.keys(p).sort(), email).toEqual(['active', 'contactEmail', 'contactName', 'contactPhone', 'id', 'name', 'version']);
    }
  });
});
