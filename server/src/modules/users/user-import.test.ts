import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../../../test/test-app.js';
import { mailOutbox, users } from '../../db/schema/index.js';
import { gbk, xlsxFile } from '../import/test-files.js';
import { XLSX_TYPE } from '../import/index.js';

let t: TestContext;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t?.close(); });

const post = async (body: string | Buffer, email = 'hq@test.cn', type = 'text/csv; charset=utf-8', query = '') => {
  const c = await t.as(email);
  return t.app.inject({ method: 'POST', url: `/api/users/import${query}`, payload: body, headers: { cookie: c.cookie, 'content-type': type } });
};
const accounts = async (emails: string[]) => t.database.db.select().from(users).where(inArray(users.email, emails));

describe('POST /api/users/import (school administrators)', () => {
  it('creates each row as a school account of the school named, invited by mail; Chinese headers, .xlsx and GBK', async () => {
    const csv = '\ufeff邮箱,姓名,学校\nZhou@HZ.test,周老师,浙江金融职业学院\nwu@yw.test,吴老师,义乌工商职业技术学院\n';
    const res = await post(csv);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ created: 2 });
    const rows = await accounts(['zhou@hz.test', 'wu@yw.test']);
    expect(rows.map((r) => [r.email, r.role, r.schoolId, r.invitationPending, r.passwordHash]).sort()).toEqual([
      ['wu@yw.test', 'school', t.fixture.schools.eastB.id, true, ''],
      ['zhou@hz.test', 'school', t.fixture.schools.eastA.id, true, ''],
    ]);
    const mails = await t.database.db.select().from(mailOutbox).where(inArray(mailOutbox.recipient, ['zhou@hz.test', 'wu@yw.test']));
    expect(mails.map((m) => m.kind)).toEqual(['invitation', 'invitation']);
    expect(mails[0]!.text).toMatch(/\/set-password\?token=/);

    const xlsx = await xlsxFile([['email', 'name', 'school', 'locale'], ['li@gd.test', '李老师', '广东轻工职业技术大学', 'en']]);
    expect((await post(xlsx, 'hq@test.cn', XLSX_TYPE)).json()).toMatchObject({ created: 1 });
    expect((await accounts(['li@gd.test']))[0]).toMatchObject({ locale: 'en', schoolId: t.fixture.schools.southA.id });
    expect((await post(gbk('邮箱,姓名,学校\nsun@bj.test,孙老师,北京财贸职业学院\n'), 'hq@test.cn', 'text/csv')).json()).toMatchObject({ created: 1 });
  });

  it('all or none: a duplicate in the file names the other row, an existing account is named, an unknown school is said; nothing is written or mailed', async () => {
    const csv = [
      '邮箱,姓名,学校',
      'ok1@test.cn,好,浙江金融职业学院', // row 2: fine
      'dup@test.cn,甲,浙江金融职业学院', // row 3
      'DUP@test.cn,乙,义乌工商职业技术学院', // row 4: duplicate of row 3
      'school@test.cn,丙,浙江金融职业学院', // row 5: an account exists
      'nosuch@test.cn,丁,火星大学', // row 6: no such school
      'not-an-address,戊,浙江金融职业学院', // row 7: e-mail
      'noname@test.cn,,浙江金融职业学院', // row 8: name missing
    ].join('\n');
    const res = await post(csv);
    expect(res.statusCode).toBe(400);
    const details = res.json().details as { row: number; field: string; code: string; params: Record<string, unknown> }[];
    const at = (row: number) => details.find((d) => d.row === row);
    expect(at(2)).toBeUndefined();
    expect(at(4)).toMatchObject({ field: 'email', code: 'duplicate_in_file', params: { otherRow: 3 } });
    expect(at(5)).toMatchObject({ field: 'email', code: 'duplicate_in_database', params: { id: t.fixture.users['school@test.cn'].id } });
    expect(at(6)).toMatchObject({ field: 'school', code: 'agreement_school_unknown' });
    expect(at(7)?.field).toBe('email');
    expect(at(8)?.field).toBe('name');
    expect(await accounts(['ok1@test.cn', 'dup@test.cn', 'nosuch@test.cn'])).toEqual([]);
    expect(await t.database.db.select().from(mailOutbox).where(eq(mailOutbox.recipient, 'ok1@test.cn'))).toEqual([]);
  });

  it("regional staff import for their regions' schools only; school and provider accounts may not import", async () => {
    const outside = await post('邮箱,姓名,学校\nr1@test.cn,甲,浙江金融职业学院\nr2@test.cn,乙,广东轻工职业技术大学\n', 'east@test.cn');
    expect(outside.statusCode).toBe(400);
    expect(outside.json().details).toEqual([expect.objectContaining({ row: 3, field: 'school', code: 'school_outside_your_regions' })]);
    expect(await accounts(['r1@test.cn'])).toEqual([]);
    expect((await post('邮箱,姓名,学校\nr1@test.cn,甲,浙江金融职业学院\n', 'east@test.cn')).json()).toMatchObject({ created: 1 });
    for (const email of ['school@test.cn', 'provider@test.cn']) expect((await post('邮箱,姓名,学校\nx@test.cn,x,浙江金融职业学院\n', email)).statusCode).toBe(403);
    const template = await (await t.as('hq@test.cn')).get('/api/users/import/template?format=csv');
    expect(template.statusCode).toBe(200);
    expect(template.body).toContain('邮箱 (email)');
  });
});
