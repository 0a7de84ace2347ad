import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, listQuery, type TestContext } from '../../../test/test-app.js';
import {
  agreements, certificates, courseCompletions, courses, instructorCertifications, instructors, jobApplications, jobFairs,
  jobRegistrations, practiceRecords, schoolRequiredCourses, students,
} from '../../db/schema/index.js';
import { fixClock, kpiNames, type ComplianceRecord, type TrendPoint } from '@campus/common';
import { recomputeAll, resetFreshnessMark } from './recompute.js';

// issue 12 item 2: one definition of each KPI. The trend is the summaries' own query with an "as of"
// date per month, so its last point is the summary, KPI for KPI: also with facts dated after today (written
// before such facts were refused, here straight into the database) and for an agreement that ended early
// (measured up to the day it ended, facts after it not counted).
const TODAY = '2026-03-01';
let t: TestContext;
let currentId: number;
let endedId: number;

type Db = TestContext['database']['db'];

/** A school's facts in the agreement year [2025-06-01, 2026-06-01), some dated after `future` (the day after which nothing happened yet). */
async function recordFacts(db: Db, schoolId: number, future: string) {
  const [training] = await db.insert(courses).values({ kind: 'platform_training', code: `PT-${schoolId}`, title: 'B2B 实训平台', classHours: 16 }).returning();
  const [required] = await db.insert(courses).values({ kind: 'official_textbook', code: `1X-${schoolId}`, title: '跨境电商B2B店铺运营实战', classHours: 32 }).returning();
  await db.insert(schoolRequiredCourses).values({ schoolId, courseId: required.id });
  const after = (days: number) => new Date(Date.parse(`${future}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  const student = async (no: string, enrolledOn: string, leftOn: string | null = null) =>
    (await db.insert(students).values({ schoolId, studentNo: no, name: no, cohortYear: Number(enrolledOn.slice(0, 4)), enrolledOn, leftOn, leftReason: leftOn ? 'graduated' : null }).returning())[0].id;
  const s1 = await student('S1', '2024-09-01');
  const s2 = await student('S2', '2024-09-01', '2025-10-20'); // graduated, completed everything
  await student('S3', '2024-09-01', after(20)); // graduates after `future`, completed nothing
  const s4 = await student('S4', '2025-09-01');
  await student('S5', after(5)); // enrolled in the year after `future`: counted by the year's own window, [from, to) or up to the end
  for (const c of [required.id, training.id]) await db.insert(courseCompletions).values({ studentId: s2, schoolId, courseId: c, completedOn: '2025-10-01' });
  await db.insert(certificates).values([
    { studentId: s1, schoolId, kind: 'operator', issuedOn: '2025-07-15' },
    { studentId: s1, schoolId, kind: '1x_junior', issuedOn: '2025-09-03' },
    { studentId: s4, schoolId, kind: 'operator', issuedOn: after(10) }, // dated after `future`
    { studentId: s4, schoolId, kind: '1x_intermediate', issuedOn: after(12) },
  ]);
  await db.insert(practiceRecords).values([
    { studentId: s1, schoolId, project: '实战项目', hours: 10.25, practicedOn: '2025-08-10', confirmed: true },
    { studentId: s4, schoolId, project: '实战项目', hours: 7, practicedOn: '2025-10-02', confirmed: true },
    { studentId: s4, schoolId, project: '实战项目', hours: 3, practicedOn: '2025-10-03', confirmed: false },
    { studentId: s1, schoolId, project: '实战项目', hours: 120, practicedOn: after(5), confirmed: true }, // a confirmed record dated after `future`
  ]);
  const [reg1] = await db.insert(jobRegistrations).values({ studentId: s1, schoolId, registeredOn: '2025-08-01', resumeCompleteness: 90 }).returning();
  const [reg4] = await db.insert(jobRegistrations).values({ studentId: s4, schoolId, registeredOn: '2025-10-01', resumeCompleteness: 95 }).returning();
  await db.insert(jobApplications).values([
    { registrationId: reg1.id, studentId: s1, schoolId, appliedOn: '2025-09-20' },
    { registrationId: reg4.id, studentId: s4, schoolId, appliedOn: after(15) },
  ]);
  await db.insert(jobFairs).values([
    { schoolId, title: '秋季招聘会', heldOn: '2025-11-05' },
    { schoolId, title: '春季招聘会', heldOn: after(25) },
  ]);
  await db.insert(courses).values([
    { schoolId, kind: 'offline', title: '跨境电商B2B实战运营', classHours: 32, taughtFrom: '2025-09-05', taughtTo: '2026-01-15' },
    { schoolId, kind: 'offline', title: '外贸客户开发与询盘管理', classHours: 40, taughtFrom: after(8), taughtTo: '2026-07-05' }, // begins after `future`
  ]);
  const [i1] = await db.insert(instructors).values({ schoolId, name: '甲' }).returning();
  const [i2] = await db.insert(instructors).values({ schoolId, name: '乙' }).returning();
  await db.insert(instructorCertifications).values([
    { instructorId: i1.id, schoolId, certNo: `T-${schoolId}-1`, validFrom: '2025-01-01', validTo: '2027-12-31' },
    { instructorId: i2.id, schoolId, certNo: `T-${schoolId}-2`, validFrom: '2025-06-01', validTo: after(3) },
  ]);
}

beforeAll(async () => {
  fixClock(TODAY);
  resetFreshnessMark();
  t = await createTestApp();
  const { db } = t.database;
  const { eastA, southA } = t.fixture.schools;
  // eastA: year 1 [2025-06-01, 2026-06-01) is current; facts dated after today were written before they were refused.
  [{ id: currentId }] = await db.insert(agreements).values({ schoolId: eastA.id, tier: 'industry_college', status: 'active', startDate: '2025-06-01', termYears: 3 }).returning();
  await recordFacts(db, eastA.id, TODAY);
  // southA: the same year, but the agreement was terminated on 2025-12-01; later facts do not count.
  [{ id: endedId }] = await db.insert(agreements).values({ schoolId: southA.id, tier: 'talent_base', status: 'terminated', startDate: '2025-06-01', termYears: 3, endedOn: '2025-12-01' }).returning();
  await recordFacts(db, southA.id, '2025-12-01');
  await recomputeAll(db, TODAY);
});
afterAll(async () => {
  fixClock(undefined);
  await t?.close();
});

async function summaryAndTrend(agreementId: number) {
  const hq = await t.as('hq@test.cn');
  const [row] = (await hq.get('/api/compliance', listQuery({ filter: { agreementId, year: 1 } }))).json() as ComplianceRecord[];
  expect(row).toBeDefined();
  const res = await hq.get(`/api/compliance/${row.id}/trend`);
  expect(res.statusCode, res.body).toBe(200);
  return { row, trend: res.json() as TrendPoint[] };
}

describe("the trend's last point is the summary", () => {
  it('for every KPI of a current year, facts dated after today counting in neither', async () => {
    const { row, trend } = await summaryAndTrend(currentId);
    expect(row.asOf).toBe(TODAY);
    expect(trend.map((p) => p.month)).toEqual(['2025-06', '2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03']);
    const last = trend.at(-1)!;
    for (const kpi of kpiNames) expect({ kpi, value: last[kpi] }).toEqual({ kpi, value: row.kpis[kpi].value });
    // What happened by today, exactly: S1's operator and 1+X; 17.25 confirmed hours over the year's 5 students; one
    // of the two graduates by today (S2, who completed everything); S1 active on the job platform; one fair, one course.
    expect(Object.fromEntries(kpiNames.map((k) => [k, row.kpis[k].value]))).toEqual({
      certifiedInstructors: 2, teachingDelivery: 1, offlineCourses: 1, practiceHours: (10.25 + 7) / 5,
      certificates1x: 1, certificatesOperator: 1, jobPlatformRate: 1, jobFairs: 1,
    });
  });

  it('for every KPI of the last, partial year of an agreement that ended early, and it stops in the month it ended', async () => {
    const { row, trend } = await summaryAndTrend(endedId);
    expect(row.asOf).toBe('2025-12-01');
    expect(trend.at(-1)!.month).toBe('2025-12');
    const last = trend.at(-1)!;
    for (const kpi of kpiNames) expect({ kpi, value: last[kpi] }).toEqual({ kpi, value: row.kpis[kpi].value });
    // S5 enrolled after the agreement ended: the hours are shared by the 4 students enrolled before, in both.
    expect(row.kpis.practiceHours.value).toBe((10.25 + 7) / 4);
    expect(row.kpis.certificatesOperator.value).toBe(1);
  });

  it('each earlier point counts what happened by the end of its month', async () => {
    const { trend } = await summaryAndTrend(currentId);
    const at = (month: string) => trend.find((p) => p.month === month)!;
    expect(at('2025-07')).toMatchObject({ certificatesOperator: 1, certificates1x: 0, practiceHours: 0, jobFairs: 0, offlineCourses: 0, teachingDelivery: null, jobPlatformRate: 0 });
    expect(at('2025-08')).toMatchObject({ practiceHours: 10.25 / 5 });
    expect(at('2025-09')).toMatchObject({ certificates1x: 1, offlineCourses: 1, jobPlatformRate: 1 });
    expect(at('2025-10')).toMatchObject({ practiceHours: 17.25 / 5, teachingDelivery: 1 });
    expect(at('2025-11')).toMatchObject({ jobFairs: 1 });
  });
});
