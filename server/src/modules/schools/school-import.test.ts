import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray, like } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../../../test/test-app.js';
import { auditEvents, schools } from '../../db/schema/index.js';
import { gbk, xlsxFile } from '../import/test-files.js';
import { XLSX_TYPE } from '../import/index.js';

let t: TestContext;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t?.close(); });

const header = '学校名称,英文名称,省份,城市,类型,联系人,联系邮箱,联系电话,大区';
const post = async (body: string | Buffer, query = '', email = 'hq@test.cn', type = 'text/csv; charset=utf-8') => {
  const c = await t.as(email);
  return t.app.inject({ method: 'POST', url: `/api/schools/import${query}`, payload: body, headers: { cookie: c.cookie, 'content-type': type } });
};
const byName = async (names: string[]) => t.database.db.select().from(schools).where(inArray(schools.name, names));

describe('POST /api/schools/import', () => {
  it('creates every school of a CSV with Chinese headers (UTF-8 with BOM): region from the province, or the 大区 named; audited', async () => {
    const csv = `\ufeff${header}\n湖州学院,Huzhou University,浙江,湖州,本科,周老师,zhou@hz.test,0572-2322222,\n温州职业技术学院,,浙江,温州,职业,,,,华北\n广州番禺职业技术学院,,广东,广州,vocational,,,,\n`;
    const res = await post(csv);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ created: 3 });
    const rows = await byName(['湖州学院', '温州职业技术学院', '广州番禺职业技术学院']);
    const get = (n: string) => rows.find((r) => r.name === n)!;
    expect(get('湖州学院')).toMatchObject({ nameEn: 'Huzhou University', regionId: t.fixture.regions.east.id, kind: 'university', contactEmail: 'zhou@hz.test', contactPhone: '0572-2322222', active: true });
    expect(get('温州职业技术学院')).toMatchObject({ regionId: t.fixture.regions.north.id, kind: 'vocational' });
    expect(get('广州番禺职业技术学院')).toMatchObject({ regionId: t.fixture.regions.south.id });
    const events = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.entityType, 'school'), inArray(auditEvents.entityId, rows.map((r) => r.id))));
    expect(events).toHaveLength(3);
    for (const e of events) expect(e).toMatchObject({ action: 'create', data: { via: 'import' } });
  });

  it('takes .xlsx and GBK CSV', async () => {
    const xlsx = await xlsxFile([header.split(','), ['丽水职业技术学院', null, '浙江', '丽水', '职业院校', null, null, null, null]]);
    const a = await post(xlsx, '', 'hq@test.cn', XLSX_TYPE);
    expect(a.statusCode, a.body).toBe(200);
    expect(a.json()).toMatchObject({ created: 1 });
    const b = await post(gbk(`${header}\n衢州职业技术学院,,浙江,衢州,职业,,,,\n`), '', 'hq@test.cn', 'text/csv');
    expect(b.statusCode, b.body).toBe(200);
    expect((await byName(['丽水职业技术学院', '衢州职业技术学院']))).toHaveLength(2);
  });

  it('all or none: every bad row is reported by row and field, and nothing is written', async () => {
    const csv = [header,
      '好学校甲,,浙江,杭州,职业,,,,', // fine
      '坏省份学院,,火星,,职业,,,,', // row 3: province
      '坏类型学院,,浙江,,研究所,,,,', // row 4: kind
      '坏邮箱学院,,浙江,,职业,,not-mail,,', // row 5: contactEmail
      '好学校甲,,浙江,宁波,职业,,,,', // row 6: duplicate of row 2
      '浙江金融职业学院,,浙江,,职业,,,,', // row 7: exists (create mode)
      '坏大区学院,,浙江,,职业,,,,月球', // row 8: region
      ',,浙江,,职业,,,,', // row 9: name missing
    ].join('\n');
    const res = await post(csv);
    expect(res.statusCode).toBe(400);
    const details = res.json().details as { row: number; field: string; code: string; params: Record<string, unknown> }[];
    const at = (row: number) => details.filter((d) => d.row === row).map((d) => d.field);
    expect(at(3)).toContain('province');
    expect(at(4)).toContain('kind');
    expect(at(5)).toContain('contactEmail');
    expect(details.find((d) => d.row === 6)).toMatchObject({ field: 'name', code: 'duplicate_in_file', params: { otherRow: 2 } });
    expect(details.find((d) => d.row === 7)).toMatchObject({ field: 'name', code: 'duplicate_in_database', params: { id: t.fixture.schools.eastA.id } });
    expect(at(8)).toContain('region');
    expect(at(9)).toContain('name');
    expect(at(2)).toEqual([]);
    expect(await byName(['好学校甲'])).toEqual([]);
  });

  it('upsert by name: changed rows are updated (audited with changes), equal ones unchanged, empty cells keep what is there', async () => {
    const csv = `${header}\n浙江金融职业学院,Zhejiang Financial College,浙江,杭州,职业,何老师,,,\n义乌工商职业技术学院,,浙江,金华,职业,,,,\n新学校乙,,广东,深圳,职业,,,,\n`;
    const dry = await post(csv, '?mode=upsert&dryRun=true');
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toMatchObject({ created: 1, updated: 1, unchanged: 1, rejected: 0 });
    expect(await byName(['新学校乙'])).toEqual([]);
    const res = await post(csv, '?mode=upsert');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ created: 1, updated: 1, unchanged: 1 });
    const [eastA] = await byName(['浙江金融职业学院']);
    expect(eastA).toMatchObject({ nameEn: 'Zhejiang Financial College', contactName: '何老师', city: '杭州', version: 2 });
    const [update] = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.entityType, 'school'), eq(auditEvents.entityId, eastA.id), eq(auditEvents.action, 'update')));
    expect(update.data).toEqual({ changes: { nameEn: { from: null, to: 'Zhejiang Financial College' }, contactName: { from: null, to: '何老师' } }, via: 'import' });
  });

  it('a cell with a character that could not be read (U+FFFD) is a row error, never a stored name', async () => {
    const xlsx = await xlsxFile([header.split(','), ['乱\uFFFD码学院', null, '浙江', null, '职业', null, null, null, null]]);
    const res = await post(xlsx, '', 'hq@test.cn', XLSX_TYPE);
    expect(res.statusCode).toBe(400);
    expect(res.json().details[0]).toMatchObject({ row: 2, field: 'name', code: 'text_bad_character' });
  });

  it('only HQ imports schools', async () => {
    for (const email of ['east@test.cn', 'school@test.cn']) expect((await post(`${header}\n无权学院,,浙江,,职业,,,,\n`, '', email)).statusCode).toBe(403);
  });

  it('5,000 schools in one request', async () => {
    const lines = [header];
    for (let i = 0; i < 5000; i++) lines.push(`批量学院${String(i).padStart(4, '0')},,${i % 2 ? '浙江' : '广东'},城${i},${i % 3 ? '职业' : '本科'},联系人${i},c${i}@bulk.test,0571-${String(10000000 + i)},`);
    const res = await post(lines.join('\n'));
    expect(res.statusCode, res.body.slice(0, 500)).toBe(200);
    expect(res.json()).toMatchObject({ created: 5000 });
    const n = await t.database.db.$count(schools, like(schools.name, '批量学院%'));
    expect(n).toBe(5000);
  });

  it('offers a template with the Chinese headers', async () => {
    const c = await t.as('hq@test.cn');
    const res = await c.get('/api/schools/import/template', { format: 'csv' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('学校名称');
    expect(res.body).toContain('大区');
  });
});
