import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { createTestApp, listQuery, type Client, type TestContext } from '../../../test/test-app.js';
import { agreements, courses, schoolRequiredCourses, tierPolicies } from '../../db/schema/index.js';
import { fixClock } from '@campus/common';
import { resetFreshnessMark } from './recompute.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const committed = path.resolve(here, '../../../test/kpi-cases.json');
const shared = path.resolve(here, '../../../../../shared/kpi-cases.json');
const cases = JSON.parse(fs.readFileSync(committed, 'utf8')).cases as KpiCase[];

interface KpiCase {
  name: string;
  agreement: { tier: string; startDate: string };
  year: number;
  today: string;
  policy: Record<string, number | null>;
  instructors?: { key: string; certValidFrom: string; certValidTo: string }[];
  offlineCourses?: { key: string; classHours: number; taughtFrom: string; taughtTo: string }[];
  students?: { key: string; cohortYear?: number; enrolledOn?: string; leftOn?: string; leftReason?: string; completedAllCourses?: boolean; platformTraining?: boolean }[];
  practice?: { student: string; date: string; hours: number; confirmed: boolean }[];
  certificates?: { student: string; kind: string; issuedOn: string }[];
  jobRegistrations?: { student: string; registeredOn: string; resumeCompleteness: number; applicationDates: string[] }[];
  jobFairs?: { date: string }[];
  expected: { from: string; to: string; compliant: boolean; kpis: Record<string, { value: number | null; met: boolean | null }> };
}

it('the committed KPI cases are the shared ones', () => {
  if (!fs.existsSync(shared)) return; // a clone without shared/ beside it runs the committed copy
  expect(JSON.parse(fs.readFileSync(committed, 'utf8'))).toEqual(JSON.parse(fs.readFileSync(shared, 'utf8')));
});

/** Loads a case through the product's own API as the school (and HQ for the policy), then reads its compliance. */
async function loadCase(t: TestContext, c: KpiCase) {
  const { db } = t.database;
  const schoolId = t.fixture.schools.eastA.id;
  const hq = await t.as('hq@test.cn');
  const [policy] = await db.select().from(tierPolicies).where(eq(tierPolicies.tier, c.agreement.tier));
  const put = await hq.put(`/api/tier-policies/${policy.id}`, { version: policy.version, ...c.policy });
  expect(put.statusCode, put.body).toBe(200);

  // Set-up that is not a recorded fact: the partnership, the catalogue's platform training and the plan's required course.
  const [agreement] = await db.insert(agreements).values({ schoolId, tier: c.agreement.tier, status: 'active', startDate: c.agreement.startDate, termYears: 3 }).returning();
  const [training] = await db.insert(courses).values({ kind: 'platform_training', code: 'PT', title: 'B2B 实训平台', classHours: 16 }).returning();
  const [required] = await db.insert(courses).values({ kind: 'official_textbook', code: '1X-J-01', title: '跨境电商B2B店铺运营实战', classHours: 32 }).returning();
  await db.insert(schoolRequiredCourses).values({ schoolId, courseId: required.id });

  const school = await t.as('school@test.cn');
  const ok = async (res: Promise<Awaited<ReturnType<Client['post']>>>) => {
    const r = await res;
    expect(r.statusCode, r.body).toBe(201);
    return r.json();
  };
  for (const i of c.instructors ?? []) {
    await ok(school.post('/api/instructors', { name: i.key, certifications: [{ certNo: `C-${i.key}`, level: 'junior', validFrom: i.certValidFrom, validTo: i.certValidTo }] }));
  }
  for (const o of c.offlineCourses ?? []) await ok(school.post('/api/courses', { title: o.key, classHours: o.classHours, taughtFrom: o.taughtFrom, taughtTo: o.taughtTo }));
  const ids: Record<string, number> = {};
  for (const s of c.students ?? []) {
    const cohortYear = s.cohortYear ?? Number((s.enrolledOn ?? '2020').slice(0, 4));
    const student = await ok(school.post('/api/students', {
      studentNo: s.key, name: s.key, cohortYear, ...(s.enrolledOn ? { enrolledOn: s.enrolledOn } : {}),
      ...(s.leftOn ? { leftOn: s.leftOn, leftReason: s.leftReason } : {}),
    }));
    ids[s.key] = student.id;
    if (s.completedAllCourses) await ok(school.post('/api/course-completions', { studentId: student.id, courseId: required.id, completedOn: s.leftOn ?? c.today }));
    if (s.platformTraining) await ok(school.post('/api/course-completions', { studentId: student.id, courseId: training.id, completedOn: s.leftOn ?? c.today }));
  }
  for (const p of c.practice ?? []) await ok(school.post('/api/practice-records', { studentId: ids[p.student], project: '实战项目', hours: p.hours, practicedOn: p.date, confirmed: p.confirmed }));
  for (const x of c.certificates ?? []) await ok(school.post('/api/certificates', { studentId: ids[x.student], kind: x.kind, issuedOn: x.issuedOn }));
  for (const j of c.jobRegistrations ?? []) await ok(school.post('/api/job-registrations', { studentId: ids[j.student], registeredOn: j.registeredOn, resumeCompleteness: j.resumeCompleteness, applicationDates: j.applicationDates }));
  for (const f of c.jobFairs ?? []) await ok(school.post('/api/job-fairs', { title: '招聘会', heldOn: f.date }));
  return agreement.id;
}

describe.each(cases.map((c) => [c.name, c] as const))('KPI case: %s', (_name, c) => {
  let t: TestContext;
  let agreementId: number;
  beforeAll(async () => {
    fixClock(c.today);
    resetFreshnessMark();
    t = await createTestApp();
    agreementId = await loadCase(t, c);
  });
  afterAll(async () => {
    fixClock(undefined);
    await t?.close();
  });

  it('gives exactly the expected values, for every role that may see it', async () => {
    for (const email of ['school@test.cn', 'hq@test.cn', 'east@test.cn']) {
      const res = await (await t.as(email)).get('/api/compliance', listQuery({ filter: { agreementId, year: c.year } }));
      expect(res.statusCode).toBe(200);
      const [row] = res.json();
      expect(row, email).toBeDefined();
      expect({ from: row.from, to: row.to, compliant: row.compliant }).toEqual({ from: c.expected.from, to: c.expected.to, compliant: c.expected.compliant });
      for (const [kpi, want] of Object.entries(c.expected.kpis)) {
        expect({ kpi, value: row.kpis[kpi].value, met: row.kpis[kpi].met }).toEqual({ kpi, value: want.value, met: want.met });
      }
    }
  });

  it('the maintained summary equals a full recomputation', async () => {
    const before = (await t.database.db.execute(sql`select * from compliance_summaries order by agreement_id, year`)) as unknown;
    const { recomputeAll } = await import('./recompute.js');
    const { todayInChina } = await import('@campus/common');
    await recomputeAll(t.database.db, todayInChina());
    const after = (await t.database.db.execute(sql`select * from compliance_summaries order by agreement_id, year`)) as unknown;
    const strip = (r: unknown) => ((Array.isArray(r) ? r : (r as { rows: unknown[] }).rows) as Record<string, unknown>[]).map(({ computed_at: _a, ...rest }) => rest);
    expect(strip(after)).toEqual(strip(before));
  });

  it('a provider not assigned to the school sees nothing; the other region sees nothing', async () => {
    const south = await t.as('south@test.cn');
    expect((await south.get('/api/compliance', listQuery({ filter: { agreementId } }))).json()).toEqual([]);
  });
});
