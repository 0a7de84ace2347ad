import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, listQuery, type TestContext } from '../../../test/test-app.js';
import { act, createDraft } from '../../../test/application-builders.js';
import { auditEvents, notifications, practiceRecords, students } from '../../db/schema/index.js';
import { daysAgo } from '../../../test/days.js';

/**
 * issue 17 item 7: a provider reports a class's day in one entry (not one row per student per day),
 * audited; and every notification names its school.
 */
let t: TestContext;
let classIds: number[] = [];

beforeAll(async () => {
  t = await createTestApp();
  const schoolId = t.fixture.schools.eastA.id;
  // A class of 300 (cohort 2024, 跨境电商), 5 of whom left before the day, and 20 of another major.
  classIds = (await t.database.db.insert(students).values(Array.from({ length: 300 }, (_, i) => ({
    schoolId, studentNo: `C${i}`, name: `学生${i}`, cohortYear: 2024, enrolledOn: '2024-09-01', major: '跨境电商',
    ...(i < 5 ? { leftOn: daysAgo(60), leftReason: 'withdrew' as const } : {}),
  }))).returning({ id: students.id })).map((s) => s.id);
  await t.database.db.insert(students).values(Array.from({ length: 20 }, (_, i) => ({ schoolId, studentNo: `M${i}`, name: `商务${i}`, cohortYear: 2024, enrolledOn: '2024-09-01', major: '国际商务' })));
});
afterAll(async () => { await t?.close(); });

describe('a class in one entry', () => {
  it('one session for a class (cohort and major) makes one record per student enrolled that day, audited as a session', async () => {
    const provider = await t.as('provider@test.cn');
    const res = await provider.post('/api/provider-reports', {
      schoolId: t.fixture.schools.eastA.id, project: '国际站实战周', periodFrom: daysAgo(10), periodTo: daysAgo(1),
      sessions: [{ cohortYear: 2024, major: '跨境电商', hours: 6, practicedOn: daysAgo(3) }, { studentIds: classIds.slice(10, 40), hours: 4, practicedOn: daysAgo(2) }],
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ studentCount: 295, totalHours: 295 * 6 + 30 * 4 });
    const id = res.json().id as number;
    const rows = await t.database.db.select().from(practiceRecords).where(eq(practiceRecords.providerReportId, id));
    expect(rows.length).toBe(325);
    expect(rows.every((r) => r.confirmed === false)).toBe(true);
    expect(new Set(rows.filter((r) => r.practicedOn === daysAgo(3)).map((r) => r.studentId))).toEqual(new Set(classIds.slice(5)));
    const [event] = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.entityType, 'provider_report'), eq(auditEvents.entityId, id)));
    expect(event.data).toMatchObject({ rows: 325, listed: 0, sessions: [{ cohortYear: 2024, major: '跨境电商', hours: 6, students: null }, { students: 30, hours: 4 }] });
  });

  it('refuses a session without students, a class with nobody enrolled, another school\'s students, and a day outside the period', async () => {
    const provider = await t.as('provider@test.cn');
    const base = { schoolId: t.fixture.schools.eastA.id, project: 'x', periodFrom: daysAgo(10), periodTo: daysAgo(1) };
    for (const sessions of [
      [{ hours: 2, practicedOn: daysAgo(2) }],
      [{ cohortYear: 2019, hours: 2, practicedOn: daysAgo(2) }],
      [{ studentIds: [classIds[0], 999999], hours: 2, practicedOn: daysAgo(2) }],
      [{ cohortYear: 2024, hours: 2, practicedOn: daysAgo(20) }],
    ]) {
      const res = await provider.post('/api/provider-reports', { ...base, sessions });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json()).toHaveProperty('details');
    }
    expect((await provider.post('/api/provider-reports', base)).statusCode).toBe(400);
  });
});

describe('notifications name the school', () => {
  it("the region's reviewer is told which school submitted, in the notification's params", async () => {
    const school = await t.as('school@test.cn');
    const draft = await createDraft(school);
    expect((await act(school, 'applications', draft.id, 'submit')).statusCode).toBe(200);
    const [n] = await t.database.db.select().from(notifications)
      .where(and(eq(notifications.userId, t.fixture.users['east@test.cn'].id), eq(notifications.entityType, 'application'), eq(notifications.entityId, draft.id)));
    expect(n.params).toMatchObject({ schoolName: '浙江金融职业学院' });
    const listed = (await (await t.as('east@test.cn')).get('/api/notifications', listQuery({ range: [0, 99] }))).json() as { entityId: number; params: Record<string, unknown> }[];
    expect(listed.find((x) => x.entityId === draft.id)?.params.schoolName).toBe('浙江金融职业学院');
  });
});
