import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext, type Client } from '../../../../test/test-app.js';
import { courses } from '../../../db/schema/index.js';

/**
 * Files that go round trip (issue 17 item 3), for the facts an import keys by student number:
 * practice records, job registrations and course completions. Each file here is what the web's
 * export writes (web/src/resources/<resource>/*List.tsx: the same columns in the same order, the
 * same words, Chinese or English headers, a staff export's school column) built from the API's own
 * list, and it imports back: registrations and completions (natural keys: the student, the student
 * and course) as `unchanged` with `?mode=upsert`; practice records (no natural key: a student may
 * practise the same project twice a day) into the same records once the originals are gone.
 */
let t: TestContext;
let school: Client;
beforeAll(async () => {
  t = await createTestApp();
  school = await t.as('school@test.cn');
  await t.database.db.insert(courses).values({ kind: 'official_textbook', code: 'RT-C1', title: '跨境电商B2B店铺运营实战', classHours: 32 });
  const roster = ['学号,姓名,入学年份,入学日期', 'SF001,王芳,2022,2022-09-01', 'SF002,李明,2022,2022-09-01', 'SF003,张伟,2023,2023-09-01'].join('\r\n');
  const res = await post('students', BOM + roster);
  expect(res.statusCode, res.body).toBe(200);
});
afterAll(async () => { await t?.close(); });

const BOM = '\ufeff';
const post = async (resource: string, body: string, query = '') =>
  t.app.inject({ method: 'POST', url: `/api/${resource}/import${query}`, payload: body, headers: { cookie: school.cookie, 'content-type': 'text/csv' } });
/** A cell as the web's csvCell writes it (lists joined with `; `, a formula-like text behind an apostrophe, quoted when needed). */
const cell = (v: unknown) => {
  const raw = v === null || v === undefined ? '' : Array.isArray(v) ? v.join('; ') : String(v);
  const text = typeof v === 'number' ? raw : /^[=+\-@\t\r]/.test(raw) ? `'${raw}` : raw;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};
const exported = (header: string[], rows: unknown[][]) => BOM + [header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n');
type Row = Record<string, unknown>;
const list = async (resource: string) => (await school.get(`/api/${resource}`, { sort: '["id","ASC"]', range: '[0,99]' })).json() as Row[];
const created = async (resource: string, body: Row) => {
  const res = await school.post(`/api/${resource}`, body);
  expect(res.statusCode, res.body).toBe(201);
};
const studentId = async (no: string) => ((await school.get('/api/students', { filter: JSON.stringify({ q: no }) })).json() as Row[])[0].id as number;
const SCHOOL = '浙江金融职业学院';

describe('job registrations: an export imports back unchanged', () => {
  // JobRegistrationList's exporter: [school,] studentNo, studentName, registeredOn, platformAccount, resumeCompleteness, applicationDates.
  const zh = ['学号', '学生姓名', '注册日期', '平台账号', '简历完整度', '投递日期'];
  const en = ['Student no.', 'Student', 'Registered on', 'Platform account', 'Resume completeness', 'Application dates'];
  const rowsOf = (records: Row[]) => records.map((r) => [r.studentNo, r.studentName, r.registeredOn, r.platformAccount, r.resumeCompleteness, r.applicationDates]);

  it('the list names the student number; the export (zh, en, with the school) previews and imports as unchanged', async () => {
    await created('job-registrations', { studentId: await studentId('SF001'), registeredOn: '2025-03-01', platformAccount: 'wangfang', resumeCompleteness: 85, applicationDates: ['2025-03-05', '2025-04-12'] });
    await created('job-registrations', { studentId: await studentId('SF002'), registeredOn: '2025-03-02', resumeCompleteness: 60 });
    const before = await list('job-registrations');
    expect(before.map((r) => r.studentNo).sort()).toEqual(['SF001', 'SF002']);
    const rows = rowsOf(before);
    for (const file of [exported(zh, rows), exported(en, rows), exported(['院校', ...zh], rows.map((r) => [SCHOOL, ...r]))]) {
      const dry = await post('job-registrations', file, '?mode=upsert&dryRun=true');
      expect(dry.statusCode, dry.body).toBe(200);
      expect(dry.json()).toMatchObject({ created: 0, updated: 0, unchanged: 2, rejected: 0 });
    }
    const done = await post('job-registrations', exported(zh, rows), '?mode=upsert');
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toEqual({ created: 0, updated: 0, unchanged: 2 });
    expect(await list('job-registrations')).toEqual(before);
  });

  it('create mode names the registered student; upsert updates a changed registration (applications replaced)', async () => {
    const before = await list('job-registrations');
    const rows = rowsOf(before);
    const again = await post('job-registrations', exported(zh, rows));
    expect(again.statusCode).toBe(400);
    expect(again.json().details).toEqual(rows.map((_, i) => expect.objectContaining({ row: i + 2, field: 'studentNo', code: 'duplicate_in_database' })));
    const sf001 = rows.findIndex((r) => r[0] === 'SF001');
    rows[sf001] = [...rows[sf001].slice(0, 4), 95, ['2025-03-05', '2025-04-12', '2025-05-20']];
    const dry = await post('job-registrations', exported(zh, rows), '?mode=upsert&dryRun=true');
    expect(dry.json()).toMatchObject({ created: 0, updated: 1, unchanged: 1, rows: expect.arrayContaining([{ row: sf001 + 2, outcome: 'updated', changes: ['resumeCompleteness', 'applicationDates'] }]) });
    expect(await list('job-registrations')).toEqual(before);
    expect((await post('job-registrations', exported(zh, rows), '?mode=upsert')).json()).toEqual({ created: 0, updated: 1, unchanged: 1 });
    const after = (await list('job-registrations')).find((r) => r.studentNo === 'SF001')!;
    expect(after).toMatchObject({ resumeCompleteness: 95, applicationDates: ['2025-03-05', '2025-04-12', '2025-05-20'], platformAccount: 'wangfang' });
  });
});

describe('course completions: an export imports back unchanged', () => {
  // CourseCompletionList's exporter: [school,] studentNo, studentName, courseCode, courseTitle, completedOn.
  const zh = ['学号', '学生姓名', '课程代码', '课程名称', '完成日期'];
  const en = ['Student no.', 'Student', 'Course code', 'Course', 'Completed on'];
  const rowsOf = (records: Row[]) => records.map((r) => [r.studentNo, r.studentName, r.courseCode, r.courseTitle, r.completedOn]);

  it('the list names the student number and course code; the export imports as unchanged, a changed date updates', async () => {
    const import1 = await post('course-completions', exported(['学号', '课程代码', '完成日期'], [['SF001', 'RT-C1', '2025-01-10'], ['SF003', 'RT-C1', '2025-01-11']]));
    expect(import1.json()).toEqual({ created: 2 });
    const before = await list('course-completions');
    expect(before.map((r) => [r.studentNo, r.courseCode])).toEqual([['SF001', 'RT-C1'], ['SF003', 'RT-C1']]);
    const rows = rowsOf(before);
    for (const file of [exported(zh, rows), exported(en, rows), exported(['院校', ...zh], rows.map((r) => [SCHOOL, ...r]))]) {
      const dry = await post('course-completions', file, '?mode=upsert&dryRun=true');
      expect(dry.statusCode, dry.body).toBe(200);
      expect(dry.json()).toMatchObject({ created: 0, updated: 0, unchanged: 2, rejected: 0 });
    }
    expect((await post('course-completions', exported(zh, rows), '?mode=upsert')).json()).toEqual({ created: 0, updated: 0, unchanged: 2 });
    expect(await list('course-completions')).toEqual(before);
    expect((await post('course-completions', exported(zh, rows))).json().details).toEqual([
      expect.objectContaining({ row: 2, field: 'courseCode', code: 'duplicate_in_database' }),
      expect.objectContaining({ row: 3, field: 'courseCode', code: 'duplicate_in_database' }),
    ]);
    rows[1][4] = '2025-02-01';
    expect((await post('course-completions', exported(zh, rows), '?mode=upsert')).json()).toEqual({ created: 0, updated: 1, unchanged: 1 });
    expect((await list('course-completions')).map((r) => r.completedOn)).toEqual(['2025-01-10', '2025-02-01']);
  });
});

describe('practice records: an export imports back as the same records', () => {
  // PracticeRecordList's exporter: [school,] studentNo, studentName, project, hours, practicedOn, confirmed (words), providerName.
  const zh = ['学号', '学生姓名', '实战项目', '学时', '实战日期', '学校已确认', '服务商'];
  const en = ['Student no.', 'Student', 'Project', 'Hours', 'Date', 'Confirmed by the school', 'Provider'];
  const words = { zh: { true: '已确认', false: '待确认' }, en: { true: 'Confirmed', false: 'Awaiting confirmation' } };
  const rowsOf = (records: Row[], lang: 'zh' | 'en') => records.map((r) => [r.studentNo, r.studentName, r.project, r.hours, r.practicedOn, words[lang][String(r.confirmed) as 'true' | 'false'], r.providerName]);
  const values = (records: Row[]) => records.map(({ studentId: s, studentNo, project, hours, practicedOn, confirmed, providerId }) => ({ s, studentNo, project, hours, practicedOn, confirmed, providerId }));

  it('the export (zh, en, with the school; confirmed and awaiting) reads back without a problem, and re-creates the records as they were', async () => {
    await created('practice-records', { studentId: await studentId('SF001'), project: '义乌小商品出海实战, 第一期', hours: 8, practicedOn: '2025-05-12' });
    await created('practice-records', { studentId: await studentId('SF002'), project: '=直播带货', hours: 2.5, practicedOn: '2025-05-13', confirmed: false });
    const before = await list('practice-records');
    expect(before.map((r) => [r.studentNo, r.confirmed])).toEqual([['SF001', true], ['SF002', false]]);
    for (const file of [exported(zh, rowsOf(before, 'zh')), exported(en, rowsOf(before, 'en')), exported(['院校', ...zh], rowsOf(before, 'zh').map((r) => [SCHOOL, ...r]))]) {
      const dry = await post('practice-records', file, '?dryRun=true');
      expect(dry.statusCode, dry.body).toBe(200);
      expect(dry.json()).toMatchObject({ created: 2, rejected: 0 });
    }
    for (const r of before) expect((await school.delete(`/api/practice-records/${r.id}`)).statusCode).toBe(200);
    const done = await post('practice-records', exported(zh, rowsOf(before, 'zh')));
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toEqual({ created: 2 });
    expect(values(await list('practice-records'))).toEqual(values(before));
  });
});
