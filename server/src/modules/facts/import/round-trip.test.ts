import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { and, eq, like } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../../../../test/test-app.js';
import { auditEvents, students } from '../../../db/schema/index.js';
import { xlsxFile } from '../../import/test-files.js';
import { XLSX_TYPE } from '../../import/index.js';

/**
 * Files that go round trip (issue 17): what the web's export writes (Chinese or English headers and
 * words, web/src/components/exporter.ts) imports back unchanged; imports update by the natural key
 * when asked (`?mode=upsert`) and preview it (`?dryRun=true`); the templates keep their BOM and list
 * the allowed values; each bad cell is reported once.
 */
let t: TestContext;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t?.close(); });

const post = async (body: string | Buffer, query = '', resource = 'students', type = 'text/csv') =>
  t.app.inject({ method: 'POST', url: `/api/${resource}/import${query}`, payload: body, headers: { cookie: (await t.as('school@test.cn')).cookie, 'content-type': type } });
const BOM = '\ufeff';
/** A CSV as the web's exporter writes it: BOM, CRLF. */
const exported = (rows: string[][]) => BOM + rows.map((r) => r.join(',')).join('\r\n');
const roster = async (prefix: string) => (await t.database.db.select().from(students).where(like(students.studentNo, `${prefix}%`)).orderBy(students.studentNo))
  .map(({ studentNo, name, cohortYear, enrolledOn, leftOn, leftReason, major }) => ({ studentNo, name, cohortYear, enrolledOn, leftOn, leftReason, major }));

describe('students: an export imports back', () => {
  const zh = [
    ['学号', '姓名', '入学年份', '入学日期', '离校日期', '离校原因', '专业'],
    ['RT001', '王芳', '2022', '2022-09-01', '2025-06-30', '毕业', '跨境电子商务'],
    ['RT002', '李明', '2022', '2022-09-01', '2024-03-01', '退出', ''],
    ['RT003', '张伟', '2023', '2023-09-01', '', '', '国际贸易'],
  ];

  it('creates the students from an export in Chinese (headers and words), and the same file then changes nothing', async () => {
    const first = await post(exported(zh));
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ created: 3 });
    const before = await roster('RT');
    expect(before).toEqual([
      { studentNo: 'RT001', name: '王芳', cohortYear: 2022, enrolledOn: '2022-09-01', leftOn: '2025-06-30', leftReason: 'graduated', major: '跨境电子商务' },
      { studentNo: 'RT002', name: '李明', cohortYear: 2022, enrolledOn: '2022-09-01', leftOn: '2024-03-01', leftReason: 'withdrew', major: null },
      { studentNo: 'RT003', name: '张伟', cohortYear: 2023, enrolledOn: '2023-09-01', leftOn: null, leftReason: null, major: '国际贸易' },
    ]);
    const again = await post(exported(zh), '?mode=upsert');
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toEqual({ created: 0, updated: 0, unchanged: 3 });
    expect(await roster('RT')).toEqual(before);
  });

  it('reads an English export (the web in English) and codes alike', async () => {
    const en = [['Student no.', 'Name', 'Cohort', 'Enrolled on', 'Left on', 'Reason for leaving', 'Major'], ['RT001', '王芳', '2022', '2022-09-01', '2025-06-30', 'Graduated', '跨境电子商务']];
    const codes = [['studentNo', 'name', 'cohortYear', 'enrolledOn', 'leftOn', 'leftReason', 'major'], ['RT002', '李明', '2022', '2022-09-01', '2024-03-01', 'withdrew', '']];
    for (const file of [en, codes]) {
      const res = await post(exported(file), '?mode=upsert&dryRun=true');
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ created: 0, updated: 0, unchanged: 1, rejected: 0 });
    }
  });

  it('reads a staff export’s school column as no column of the import', async () => {
    const res = await post(exported([['院校', ...zh[0]], ['浙江金融职业学院', ...zh[3]]]), '?mode=upsert&dryRun=true');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ unchanged: 1 });
  });

  it('round trips through the API’s own list and an .xlsx workbook', async () => {
    const c = await t.as('school@test.cn');
    const list = (await c.get('/api/students', { filter: JSON.stringify({ q: 'RT0' }), sort: '["studentNo","ASC"]', range: '[0,99]' })).json() as Record<string, unknown>[];
    const words: Record<string, string> = { graduated: '毕业', withdrew: '退出' };
    const rows = list.map((s) => [s.studentNo, s.name, s.cohortYear, s.enrolledOn, s.leftOn ?? '', s.leftReason ? words[s.leftReason as string] : '', s.major ?? ''] as ExcelJS.CellValue[]);
    const res = await post(await xlsxFile([zh[0], ...rows]), '?mode=upsert', 'students', XLSX_TYPE);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ created: 0, updated: 0, unchanged: 3 });
  });
});

describe('students: upsert by student number, previewed', () => {
  const file = exported([
    ['学号', '姓名', '入学年份', '离校日期', '离校原因'],
    ['UP001', '甲', '2022', '', ''],
    ['UP002', '乙', '2022', '', ''],
  ]);

  it('create mode names the student already recorded; upsert previews, then updates with each change audited', async () => {
    expect((await post(file)).statusCode).toBe(200);
    const graduating = exported([
      ['学号', '姓名', '入学年份', '离校日期', '离校原因'],
      ['UP001', '甲', '2022', '2025-06-30', '毕业'],
      ['UP002', '乙', '2022', '', ''],
      ['UP003', '丙', '2023', '', ''],
    ]);
    const refused = await post(graduating);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().details).toEqual([
      expect.objectContaining({ row: 2, field: 'studentNo', code: 'duplicate_in_database' }),
      expect.objectContaining({ row: 3, field: 'studentNo', code: 'duplicate_in_database' }),
    ]);

    const dry = await post(graduating, '?mode=upsert&dryRun=true');
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toEqual({
      created: 1, updated: 1, unchanged: 1, rejected: 0,
      rows: [{ row: 2, outcome: 'updated', changes: ['leftOn', 'leftReason'] }, { row: 3, outcome: 'unchanged' }, { row: 4, outcome: 'created' }],
    });
    expect((await roster('UP')).map((s) => s.studentNo)).toEqual(['UP001', 'UP002']);
    expect((await roster('UP'))[0].leftOn).toBeNull();

    const done = await post(graduating, '?mode=upsert');
    expect(done.json()).toEqual({ created: 1, updated: 1, unchanged: 1 });
    const after = await roster('UP');
    expect(after[0]).toMatchObject({ leftOn: '2025-06-30', leftReason: 'graduated', enrolledOn: '2022-09-01' });
    const [up1] = await t.database.db.select({ id: students.id }).from(students).where(eq(students.studentNo, 'UP001'));
    const events = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.entityType, 'student'), eq(auditEvents.entityId, up1.id), eq(auditEvents.action, 'update')));
    expect(events).toHaveLength(1);
    expect(events[0].data).toEqual({ changes: { leftOn: { from: null, to: '2025-06-30' }, leftReason: { from: null, to: 'graduated' } } });
  });

  it('certificates update by certificate number', async () => {
    const cert = (kind: string, on: string) => exported([['学号', '学生姓名', '证书类型', '证书编号', '发证日期'], ['UP001', '甲', kind, 'C-UP-1', on]]);
    expect((await post(cert('1+X初级', '2025-01-10'), '', 'certificates')).json()).toEqual({ created: 1 });
    const dup = await post(cert('1+X初级', '2025-01-10'), '', 'certificates');
    expect(dup.json().details).toEqual([expect.objectContaining({ field: 'certNo', code: 'duplicate_in_database' })]);
    const dry = await post(cert('1+X中级', '2025-01-10'), '?mode=upsert&dryRun=true', 'certificates');
    expect(dry.json()).toMatchObject({ updated: 1, rows: [{ row: 2, outcome: 'updated', changes: ['kind'] }] });
    expect((await post(cert('1x_intermediate', '2025-01-10'), '?mode=upsert', 'certificates')).json()).toEqual({ created: 0, updated: 1, unchanged: 0 });
    expect((await post(cert('1+X中级', '2025-01-10'), '?mode=upsert', 'certificates')).json()).toEqual({ created: 0, updated: 0, unchanged: 1 });
  });
});

describe('templates and problems', () => {
  it('keeps the BOM and lists the allowed values in Chinese and as codes; the template imports as it is', async () => {
    const c = await t.as('school@test.cn');
    const csv = await c.get('/api/certificates/import/template?format=csv');
    expect([...csv.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.rawPayload.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toBe('学号 (studentNo),证书类型 (kind),证书编号 (certNo),发证日期 (issuedOn)');
    expect(lines[1]).toContain('1+X初级 (1x_junior)');
    expect(lines[1]).toContain('直播主播 (live_host)');
    // The template with one row written under it: its comment row is skipped.
    const filled = csv.rawPayload.toString('utf8') + 'UP002,操盘官 (operator),,2025-02-01\r\n';
    const res = await post(filled, '?dryRun=true', 'certificates');
    expect(res.json()).toMatchObject({ created: 1, rejected: 0 });

    const xlsx = await c.get('/api/students/import/template?format=xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const help = workbook.getWorksheet('说明 Help')!;
    const texts: string[] = [];
    help.eachRow((row) => texts.push(row.values!.toString()));
    expect(texts.join('\n')).toContain('毕业 (graduated); 退出 (withdrew)');
  });

  it('reports each bad cell once', async () => {
    const res = await post(exported([
      ['学号', '姓名', '入学年份', '离校日期', '离校原因'],
      ['BAD1', '甲', 'abc', '', ''],
      ['BAD2', '乙', '2022', '2025-01-01', '毕业了'],
      ['BAD3', '丙', '2022', '', ''],
      ['BAD3', '丁', '2022', '', ''],
    ]));
    expect(res.statusCode).toBe(400);
    const cells = (res.json().details as { row: number; field: string }[]).map((d) => `${d.row}:${d.field}`);
    expect(cells).toEqual([...new Set(cells)]);
    expect(cells).toEqual(['2:cohortYear', '3:leftReason', '5:studentNo']);
  });
});
