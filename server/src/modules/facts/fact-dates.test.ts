import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, format, subDays } from 'date-fns';
import { createTestApp, listQuery, type Client, type TestContext } from '../../../test/test-app.js';
import { agreements, courses } from '../../db/schema/index.js';
import { todayInChina } from '@campus/common';
import { fixClock } from '@campus/common';

/**
 * issue 19 items 2 and 6 (DOMAIN.md "KPI edge rules"): facts are dated today or earlier (the China
 * date); a job-platform application is not dated before the student's registration. Create, update
 * and CSV import all refuse it with a 400 naming the field, and nothing changes.
 */
let t: TestContext;
let school: Client;
let agreementId: number;
let studentId: number;
let courseId: number;
const today = todayInChina();
const shift = (n: number) => format(addDays(new Date(`${today}T00:00:00`), n), 'yyyy-MM-dd');
const tomorrow = shift(1);
const nextMay = `${Number(today.slice(0, 4)) + 1}-05-15`;

beforeAll(async () => {
  t = await createTestApp();
  const [a] = await t.database.db.insert(agreements).values({ schoolId: t.fixture.schools.eastA.id, tier: 'talent_base', status: 'active', startDate: format(subDays(new Date(`${today}T00:00:00`), 200), 'yyyy-MM-dd'), termYears: 3 }).returning();
  agreementId = a.id;
  const [c] = await t.database.db.insert(courses).values({ kind: 'official_textbook', code: 'C-1', title: '跨境电商B2B店铺运营实战', classHours: 32 }).returning();
  courseId = c.id;
  school = await t.as('school@test.cn');
  const s = await school.post('/api/students', { studentNo: 'D1', name: '学生', cohortYear: 2024 });
  studentId = s.json().id;
});
afterAll(async () => {
  fixClock(undefined);
  await t?.close();
});

const currentRow = async () => (await school.get('/api/compliance', listQuery({ filter: { agreementId, current: true } }))).json()[0];
const fieldsOf = (res: { json(): { details: { field: string }[] } }) => res.json().details.map((d) => d.field);
const csv = (resource: string, text: string) => t.app.inject({ method: 'POST', url: `/api/${resource}/import`, payload: text, headers: { cookie: school.cookie, 'content-type': 'text/csv' } });

describe('facts dated in the future are refused', () => {
  it('a job fair planned for next May does not count: 400 naming heldOn, jobFairs and its projection unchanged', async () => {
    expect((await school.post('/api/job-fairs', { title: '春季招聘会', heldOn: shift(-30) })).statusCode).toBe(201);
    const before = await currentRow();
    expect(before.kpis.jobFairs.value).toBe(1);
    const res = await school.post('/api/job-fairs', { title: '明年春季招聘会', heldOn: nextMay });
    expect(res.statusCode, res.body).toBe(400);
    expect(fieldsOf(res)).toEqual(['body.heldOn']);
    const after = await currentRow();
    expect(after.kpis.jobFairs).toEqual(before.kpis.jobFairs);
    expect((await school.get('/api/job-fairs')).json()).toHaveLength(1);
  });

  const creates: [string, string, (on: string) => Record<string, unknown>][] = [
    ['certificates', 'issuedOn', (on) => ({ studentId, kind: 'operator', issuedOn: on })],
    ['practice-records', 'practicedOn', (on) => ({ studentId, project: '实战', hours: 8, practicedOn: on })],
    ['job-fairs', 'heldOn', (on) => ({ title: '双选会', heldOn: on })],
    ['course-completions', 'completedOn', (on) => ({ studentId, courseId, completedOn: on })],
    ['job-registrations', 'applicationDates', (on) => ({ studentId, registeredOn: shift(-20), resumeCompleteness: 90, applicationDates: [shift(-10), on] })],
  ];

  it.each(creates)('%s: create and update with a future %s are 400 naming it; today is accepted', async (resource, field, body) => {
    const future = await school.post(`/api/${resource}`, body(tomorrow));
    expect(future.statusCode, future.body).toBe(400);
    expect(fieldsOf(future)[0]).toMatch(new RegExp(`^body\\.${field}`));
    const created = await school.post(`/api/${resource}`, body(today));
    expect(created.statusCode, created.body).toBe(201);
    const update = field === 'applicationDates' ? { applicationDates: [tomorrow] } : { [field]: tomorrow };
    const edited = await school.put(`/api/${resource}/${created.json().id}`, update);
    expect(edited.statusCode, edited.body).toBe(400);
    expect(fieldsOf(edited)[0]).toMatch(new RegExp(`^body\\.${field}`));
    expect((await school.get(`/api/${resource}/${created.json().id}`)).json()).toEqual(created.json());
    expect((await school.delete(`/api/${resource}/${created.json().id}`)).statusCode).toBe(200);
  });

  it('a job registration dated in the future is refused too', async () => {
    const res = await school.post('/api/job-registrations', { studentId, registeredOn: tomorrow, resumeCompleteness: 90 });
    expect(res.statusCode, res.body).toBe(400);
    expect(fieldsOf(res)).toEqual(['body.registeredOn']);
  });

  it('a CSV import with a future date reports the row and field, and imports nothing', async () => {
    const certs = await csv('certificates', `studentNo,kind,issuedOn\nD1,operator,${today}\nD1,1x_junior,${tomorrow}\n`);
    expect(certs.statusCode, certs.body).toBe(400);
    expect(certs.json().details).toEqual([expect.objectContaining({ row: 3, field: 'issuedOn' })]);
    const practice = await csv('practice-records', `studentNo,project,hours,practicedOn\nD1,实战,8,${nextMay}\n`);
    expect(practice.json().details).toEqual([expect.objectContaining({ row: 2, field: 'practicedOn' })]);
    const done = await csv('course-completions', `studentNo,courseCode,completedOn\nD1,C-1,${tomorrow}\n`);
    expect(done.json().details).toEqual([expect.objectContaining({ row: 2, field: 'completedOn' })]);
    const regs = await csv('job-registrations', `studentNo,registeredOn,resumeCompleteness,applicationDates\nD1,${today},80,${today};${tomorrow}\n`);
    expect(regs.json().details).toEqual([expect.objectContaining({ row: 2, field: 'applicationDates' })]);
    expect((await school.get('/api/certificates')).json()).toEqual([]);
    expect((await school.get('/api/job-registrations')).json()).toEqual([]);
  });

  it('"today" is the date in China: at 00:30 in Shanghai (16:30 UTC the day before) that day is accepted, the next refused', async () => {
    try {
      fixClock(new Date('2026-05-10T16:30:00Z'));
      expect((await school.post('/api/job-fairs', { title: '午夜招聘会', heldOn: '2026-05-11' })).statusCode).toBe(201);
      const res = await school.post('/api/job-fairs', { title: '次日招聘会', heldOn: '2026-05-12' });
      expect(res.statusCode).toBe(400);
      expect(fieldsOf(res)).toEqual(['body.heldOn']);
    } finally {
      fixClock(undefined);
    }
  });
});

describe('a job-platform application is not dated before the registration', () => {
  it('create: 400 naming applicationDates; nothing stored', async () => {
    const res = await school.post('/api/job-registrations', { studentId, registeredOn: shift(-10), resumeCompleteness: 90, applicationDates: [shift(-5), shift(-11)] });
    expect(res.statusCode, res.body).toBe(400);
    expect(fieldsOf(res)).toEqual(['body.applicationDates.1']);
    expect((await school.get('/api/job-registrations')).json()).toEqual([]);
  });

  it('update: applications before the registration, or a registration moved after its applications, are 400 and change nothing', async () => {
    const created = await school.post('/api/job-registrations', { studentId, registeredOn: shift(-10), resumeCompleteness: 90, applicationDates: [shift(-8)] });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    const early = await school.put(`/api/job-registrations/${id}`, { applicationDates: [shift(-12)] });
    expect(early.statusCode, early.body).toBe(400);
    expect(fieldsOf(early)[0]).toMatch(/applicationDates/);
    const later = await school.put(`/api/job-registrations/${id}`, { registeredOn: shift(-7) });
    expect(later.statusCode, later.body).toBe(400);
    expect(fieldsOf(later)[0]).toMatch(/registeredOn/);
    const both = await school.put(`/api/job-registrations/${id}`, { registeredOn: shift(-12), applicationDates: [shift(-13)] });
    expect(both.statusCode, both.body).toBe(400);
    expect((await school.get(`/api/job-registrations/${id}`)).json()).toEqual(created.json());
    const fine = await school.put(`/api/job-registrations/${id}`, { registeredOn: shift(-8), applicationDates: [shift(-8), shift(-1)] });
    expect(fine.statusCode, fine.body).toBe(200);
    expect(fine.json().applicationDates).toEqual([shift(-8), shift(-1)]);
    await school.delete(`/api/job-registrations/${id}`);
  });

  it('import: the row and field are reported', async () => {
    const res = await csv('job-registrations', `studentNo,registeredOn,resumeCompleteness,applicationDates\nD1,${shift(-3)},80,${shift(-4)}\n`);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().details).toEqual([expect.objectContaining({ row: 2, field: 'applicationDates' })]);
    expect((await school.get('/api/job-registrations')).json()).toEqual([]);
  });
});
