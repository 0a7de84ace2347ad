import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { z } from 'zod';
import { count, eq, inArray } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../app.js';
import { loadConfig } from '../../config.js';
import type { Database } from '../../db/client.js';
import { regions, schools, students } from '../../db/schema/index.js';
import { forbidden } from '../../lib/errors.js';
import { isoDate } from '../../lib/dates.js';
import { createTestDatabase } from '../../../test/test-database.js';
import { PASSWORD, seedFixture } from '../../../test/fixtures.js';
import { registerImport, XLSX_TYPE, type ImportDefinition } from './index.js';
import { gbk, partsReordered, xlsxFile } from './test-files.js';

/**
 * The import kit on a table registered by the test itself ("kit-schools", on the schools table):
 * CSV (UTF-8 ± BOM, GBK) and .xlsx bodies with English or Chinese headers, dates in every form,
 * duplicates within the file and against the database, dry runs, upserts, templates, words in the
 * requester's language. The fact imports (students…) run on the same kit: see the end.
 */

type Row = { name: string; province: string; city?: string; kind?: 'university' | 'vocational'; contactPhone?: string; joinedOn?: string };
type Existing = { id: number; name: string; city: string | null; kind: string; contactPhone: string | null };

/** The days the test import was given, by school name (the schools table has no date column). */
const joined = new Map<string, string | undefined>();

const kitSchools: ImportDefinition<Row, Existing, Map<string, number>> = {
  name: 'kit-schools',
  onRequest: async (request) => { if (request.actor?.role !== 'hq') throw forbidden(); },
  columns: [
    { key: 'name', aliases: ['学校名称'], required: true, example: '浙江大学' },
    { key: 'province', aliases: ['省份'], required: true, example: '浙江' },
    { key: 'city', aliases: ['城市'], example: '杭州' },
    { key: 'kind', aliases: ['类型'], example: 'university' },
    { key: 'contactPhone', aliases: ['联系电话'], example: '13800138000' },
    { key: 'joinedOn', aliases: ['加入日期'], type: 'date', example: '2026-06-01' },
  ],
  row: z.strictObject({
    name: z.string().min(1).max(100), province: z.string().min(1), city: z.string().optional(),
    kind: z.enum(['university', 'vocational']).optional(), contactPhone: z.string().max(30).optional(), joinedOn: isoDate.optional(),
  }),
  naturalKey: {
    field: 'name',
    of: (input) => input.name.trim(),
    async find(db, keys) {
      const found = await db.select({ id: schools.id, name: schools.name, city: schools.city, kind: schools.kind, contactPhone: schools.contactPhone }).from(schools).where(inArray(schools.name, keys));
      return new Map(found.map((s) => [s.name, s]));
    },
    describe: (e) => ({ id: e.id, label: e.name }),
    changes: (e, input) => (['city', 'kind', 'contactPhone'] as const).filter((f) => input[f] !== undefined && input[f] !== e[f]),
  },
  upsert: true,
  async check(db, _ctx, rows) {
    const all = await db.select({ id: regions.id, provinces: regions.provinces }).from(regions);
    const byProvince = new Map(all.flatMap((r) => r.provinces.map((p) => [p, r.id] as const)));
    const problems = rows.filter((r) => !byProvince.has(r.input.province)).map((r) => ({ row: r.row, field: 'province', code: 'invalid_option' as const, params: { values: [...byProvince.keys()] } }));
    return { problems, prepared: byProvince };
  },
  async write(tx, _ctx, { create, update, prepared }) {
    if (create.length) await tx.insert(schools).values(create.map(({ input }) => ({ name: input.name, province: input.province, regionId: prepared.get(input.province)!, city: input.city ?? null, kind: input.kind ?? 'vocational', contactPhone: input.contactPhone ?? null })));
    for (const { input, existing } of update) await tx.update(schools).set({ city: input.city ?? existing!.city, kind: input.kind ?? existing!.kind, contactPhone: input.contactPhone ?? existing!.contactPhone }).where(eq(schools.id, existing!.id));
    for (const { input } of [...create, ...update]) joined.set(input.name, input.joinedOn);
  },
};

let app: FastifyInstance;
let database: Database;
let dataDir: string;
const cookies = new Map<string, string>();

beforeAll(async () => {
  database = await createTestDatabase();
  const fixture = await seedFixture(database.db);
  await database.db.update(regions).set({ provinces: ['浙江'] }).where(eq(regions.id, fixture.regions.east.id));
  await database.db.update(regions).set({ provinces: ['广东'] }).where(eq(regions.id, fixture.regions.south.id));
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cp-kit-'));
  app = await buildApp(loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: (database as { url?: string }).url, WEB_DIST: '/nonexistent', DATA_DIR: dataDir }), database, { logger: false });
  await app.register(async (scope) => { registerImport(scope, kitSchools); });
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await database?.close();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

async function cookieOf(email: string) {
  let cookie = cookies.get(email);
  if (!cookie) {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: PASSWORD } });
    cookie = `cp_session=${res.cookies.find((c) => c.name === 'cp_session')!.value}`;
    cookies.set(email, cookie);
  }
  return cookie;
}

const CSV = 'text/csv';
async function upload(body: Buffer | string, type: string, query = '', headers: Record<string, string> = {}, resource = 'kit-schools', email = 'hq@test.cn') {
  return app.inject({ method: 'POST', url: `/api/${resource}/import${query}`, payload: body, headers: { cookie: await cookieOf(email), 'content-type': type, ...headers } });
}
const schoolCount = async () => (await database.db.select({ n: count() }).from(schools))[0].n;
const school = async (name: string) => (await database.db.select().from(schools).where(eq(schools.name, name)))[0];

describe('.xlsx files', () => {
  it('Chinese headers, Excel date cells (UTC midnight and Shanghai midnight), slash dates, numbers and rich text import as their text and days', async () => {
    const file = await xlsxFile([
      ['学校名称', '省份', '城市', '联系电话', '加入日期'],
      ['杭州一职', '浙江', '杭州', 13800138000, new Date(Date.UTC(2026, 5, 1))],
      [{ richText: [{ text: '宁波' }, { font: { bold: true }, text: '二职' }] }, '浙江', { formula: '"宁"&"波"', result: '宁波' }, '0574-1234', new Date('2026-05-31T16:00:00Z')],
      ['广州三职', '广东', null, null, '2026/6/1'],
      ['深圳四职', '广东', null, null, '2026-6-1'],
    ]);
    const res = await upload(file, XLSX_TYPE);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ created: 4 });
    expect(await school('杭州一职')).toMatchObject({ province: '浙江', city: '杭州', contactPhone: '13800138000' });
    expect(await school('宁波二职')).toMatchObject({ city: '宁波', contactPhone: '0574-1234' });
    expect(['杭州一职', '宁波二职', '广州三职', '深圳四职'].map((n) => joined.get(n))).toEqual(['2026-06-01', '2026-06-01', '2026-06-01', '2026-06-01']);
  });

  it('a workbook whose shared strings and styles come before its sheet (LibreOffice, WPS) reads the same', async () => {
    const file = await partsReordered(await xlsxFile([['学校名称', '省份', '加入日期'], ['嘉兴七职', '浙江', new Date(Date.UTC(2026, 2, 3))]]));
    const res = await upload(file, XLSX_TYPE);
    expect(res.statusCode, res.body).toBe(200);
    expect(joined.get('嘉兴七职')).toBe('2026-03-03');
  });

  it('row numbers are the worksheet\'s; only the first sheet is read', async () => {
    const file = await xlsxFile([['name', 'province'], ['甲校', '浙江'], [], ['乙校', '火星']], (wb) => { wb.addWorksheet('other').addRow(['nonsense']); });
    const res = await upload(file, XLSX_TYPE);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().details).toEqual([{ row: 4, field: 'province', code: 'invalid_option', params: expect.any(Object), message: expect.any(String) }]);
  });

  it('a file that is not a workbook, a zip that is not one, and a cut-off workbook are 400 xlsx_invalid, nothing stored', async () => {
    const before = await schoolCount();
    const good = await xlsxFile([['name', 'province'], ['丙校', '浙江']]);
    const notZip = Buffer.from('name,province\n丙校,浙江\n');
    const zipNotXlsx = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]);
    for (const body of [notZip, zipNotXlsx, good.subarray(0, Math.floor(good.length / 2))]) {
      const res = await upload(body, XLSX_TYPE);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json()).toMatchObject({ code: 'xlsx_invalid', details: [{ row: 0, field: 'file', code: 'not_valid_xlsx' }] });
    }
    expect(await schoolCount()).toBe(before);
  });

  it('another content type is 415 naming both accepted types', async () => {
    expect((await upload('{}', 'application/pdf')).statusCode).toBe(415);
    const json = await upload('{}', 'application/json');
    expect(json.statusCode).toBe(415);
    expect(json.json()).toMatchObject({ code: 'import_content_type', message: expect.stringContaining('spreadsheetml') });
  });
});

describe('CSV files', () => {
  it('GBK with Chinese headers, as Excel on Chinese Windows saves it', async () => {
    const res = await upload(gbk('学校名称,省份,城市,加入日期\r\n温州五职,浙江,温州,2026/6/1\r\n'), CSV);
    expect(res.statusCode, res.body).toBe(200);
    expect(await school('温州五职')).toMatchObject({ city: '温州' });
    expect(joined.get('温州五职')).toBe('2026-06-01');
  });

  it('UTF-8 with a BOM, headers in any case and spacing, slash dates', async () => {
    const res = await upload(`\ufeff Name ,PROVINCE,加入 日期\n绍兴六职,浙江,2026/12/31\n`, CSV);
    expect(res.statusCode, res.body).toBe(200);
    expect(joined.get('绍兴六职')).toBe('2026-12-31');
  });

  it('a column under both its names is given twice; an unknown or a missing column is named', async () => {
    expect((await upload('name,学校名称,province\na,b,浙江\n', CSV)).json().details).toEqual([{ row: 1, field: 'name', code: 'column_twice', params: {}, message: expect.any(String) }]);
    expect((await upload('name,province,hack\na,浙江,x\n', CSV)).json().details[0]).toMatchObject({ row: 1, field: 'hack', code: 'column_unknown' });
    expect((await upload('城市\n杭州\n', CSV)).json().details.map((d: { field: string }) => d.field)).toEqual(['name', 'province']);
  });

  it('a date that is no date is the row\'s problem, not a 500', async () => {
    const res = await upload('name,province,joinedOn\n错日校,浙江,2026/13/1\n', CSV);
    expect(res.statusCode).toBe(400);
    expect(res.json().details[0]).toMatchObject({ row: 2, field: 'joinedOn' });
  });
});

describe('duplicates', () => {
  it('within the file: the later row names the earlier; against the database: the row names the record; nothing stored', async () => {
    const before = await schoolCount();
    const res = await upload('name,province\n重复校,浙江\n浙江金融职业学院,浙江\n重复校,浙江\n', CSV);
    expect(res.statusCode).toBe(400);
    const existing = await school('浙江金融职业学院');
    expect(res.json().details).toEqual([
      { row: 3, field: 'name', code: 'duplicate_in_database', params: { id: existing.id, record: '浙江金融职业学院' }, message: `already exists: 浙江金融职业学院 (id ${existing.id})` },
      { row: 4, field: 'name', code: 'duplicate_in_file', params: { otherRow: 2 }, message: 'the same as row 2' },
    ]);
    expect(await schoolCount()).toBe(before);
  });

  it('the words follow the requester\'s language: Chinese with Accept-Language zh-CN', async () => {
    const res = await upload('name,province\n重复校,浙江\n重复校,浙江\n', CSV, '', { 'accept-language': 'zh-CN,zh;q=0.9' });
    expect(res.json().message).toBe('1 行有问题，未导入任何内容。请修正后重新导入。');
    expect(res.json().details[0].message).toBe('与第 2 行重复');
    const bad = await upload(Buffer.from('not a workbook'), XLSX_TYPE, '', { 'accept-language': 'zh-CN' });
    expect(bad.json().message).toContain('不是可读取的 .xlsx 工作簿');
  });
});

describe('dry run and upsert', () => {
  it('a dry run answers what would happen, row by row, and changes nothing', async () => {
    const before = await schoolCount();
    const res = await upload('name,province,city\n预演新校,浙江,杭州\n浙江金融职业学院,浙江,宁波\n义乌工商职业技术学院,浙江,金华\n无省校,火星,\n', CSV, '?dryRun=true&mode=upsert');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      created: 1, updated: 1, unchanged: 1, rejected: 1,
      rows: [
        { row: 2, outcome: 'created' },
        { row: 3, outcome: 'updated', changes: ['city'] },
        { row: 4, outcome: 'unchanged' },
        { row: 5, outcome: 'rejected', problems: [{ field: 'province', code: 'invalid_option', params: expect.any(Object), message: expect.any(String) }] },
      ],
    });
    expect(await schoolCount()).toBe(before);
    expect(await school('预演新校')).toBeUndefined();
    expect((await school('浙江金融职业学院')).city).toBe('杭州');
  });

  it('a dry run of a create-only import reports existing records as rejected', async () => {
    const res = await upload('name,province\n浙江金融职业学院,浙江\n', CSV, '?dryRun=true');
    expect(res.json()).toMatchObject({ created: 0, rejected: 1, rows: [{ row: 2, outcome: 'rejected', problems: [{ code: 'duplicate_in_database' }] }] });
  });

  it('upsert creates new rows, updates changed ones by the natural key, leaves equal ones', async () => {
    const before = await schoolCount();
    const res = await upload('学校名称,省份,城市,类型\n更新新校,广东,广州,university\n浙江金融职业学院,浙江,宁波,\n义乌工商职业技术学院,浙江,金华,\n', CSV, '?mode=upsert');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ created: 1, updated: 1, unchanged: 1 });
    expect(await schoolCount()).toBe(before + 1);
    expect(await school('浙江金融职业学院')).toMatchObject({ city: '宁波', province: '浙江' });
    expect(await school('更新新校')).toMatchObject({ kind: 'university' });
  });

  it('a query it does not know is 400, not a silent real import', async () => {
    const before = await schoolCount();
    expect((await upload('name,province\n拼错校,浙江\n', CSV, '?dryrun=true')).statusCode).toBe(400);
    expect(await schoolCount()).toBe(before);
  });
});

describe('templates', () => {
  const template = async (format: string, resource = 'kit-schools', email = 'hq@test.cn') =>
    app.inject({ method: 'GET', url: `/api/${resource}/import/template?format=${format}`, headers: { cookie: await cookieOf(email) } });

  it('the .xlsx template, filled in and uploaded as it is, creates its rows', async () => {
    const res = await template('xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX_TYPE);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const [sheet, help] = workbook.worksheets;
    expect(sheet.getRow(1).values).toEqual([undefined, '学校名称 (name)', '省份 (province)', '城市 (city)', '类型 (kind)', '联系电话 (contactPhone)', '加入日期 (joinedOn)']);
    expect(help.name).toBe('说明 Help');
    sheet.addRow(['模板甲校', '浙江', '杭州', 'vocational', '0571-1', new Date(Date.UTC(2026, 0, 15))]);
    sheet.addRow(['模板乙校', '广东', '广州', 'university', null, '2026/1/16']);
    const filled = await upload(Buffer.from(await workbook.xlsx.writeBuffer()), XLSX_TYPE);
    expect(filled.statusCode, filled.body).toBe(200);
    expect(filled.json()).toEqual({ created: 2 });
    expect([joined.get('模板甲校'), joined.get('模板乙校')]).toEqual(['2026-01-15', '2026-01-16']);
  });

  it('the CSV template, filled in, creates its rows; the template of the wrong role is 403', async () => {
    const res = await template('csv');
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.body).toBe('\ufeff学校名称 (name),省份 (province),城市 (city),类型 (kind),联系电话 (contactPhone),加入日期 (joinedOn)\r\n');
    const filled = await upload(`${res.body}模板丙校,浙江,湖州,,,2026/2/1\r\n`, CSV);
    expect(filled.statusCode, filled.body).toBe(200);
    expect((await template('csv', 'kit-schools', 'school@test.cn')).statusCode).toBe(403);
    expect((await template('pdf')).statusCode).toBe(400);
  });
});

describe('the fact imports on the kit', () => {
  const studentCount = async () => (await database.db.select({ n: count() }).from(students))[0].n;

  it('students from .xlsx with Chinese headers, numeric student numbers and date cells', async () => {
    const file = await xlsxFile([
      ['学号', '姓名', '入学年份', '入学日期', '专业'],
      [2025000001, '赵一', 2025, new Date(Date.UTC(2025, 8, 1)), '电商'],
      ['2025000002', '钱二', '2025', '2025/9/2', null],
    ]);
    const res = await upload(file, XLSX_TYPE, '', {}, 'students', 'school@test.cn');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ created: 2 });
    const rows = await database.db.select({ no: students.studentNo, on: students.enrolledOn }).from(students).where(inArray(students.studentNo, ['2025000001', '2025000002'])).orderBy(students.studentNo);
    expect(rows).toEqual([{ no: '2025000001', on: '2025-09-01' }, { no: '2025000002', on: '2025-09-02' }]);
  });

  it('a dry run of students changes nothing; upsert updates by student number (facts without a natural key only create)', async () => {
    const before = await studentCount();
    const dry = await upload('学号,姓名,入学年份\n2025000003,孙三,2025\n2025000001,重复,2025\n', CSV, '?dryRun=true', {}, 'students', 'school@test.cn');
    expect(dry.json()).toMatchObject({ created: 1, rejected: 1, rows: [{ row: 2, outcome: 'created' }, { row: 3, outcome: 'rejected', problems: [{ field: 'studentNo', code: 'duplicate_in_database' }] }] });
    expect(await studentCount()).toBe(before);
    const upsert = await upload('学号,证书类型,发证日期\n2025000001,operator,2025-01-01\n', CSV, '?mode=upsert', {}, 'practice-records', 'school@test.cn');
    expect(upsert.statusCode).toBe(400);
    expect(upsert.json().code).toBe('upsert_not_supported');
  });

  it('the students template in both formats', async () => {
    const csv = await app.inject({ method: 'GET', url: '/api/students/import/template?format=csv', headers: { cookie: await cookieOf('school@test.cn') } });
    expect(csv.body).toContain('学号 (studentNo),姓名 (name),入学年份 (cohortYear)');
    const xlsx = await app.inject({ method: 'GET', url: '/api/students/import/template?format=xlsx', headers: { cookie: await cookieOf('school@test.cn') } });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });
});
