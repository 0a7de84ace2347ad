import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestContext } from '../../test/test-app.js';
import { PASSWORD } from '../../test/fixtures.js';
import { createDraft } from '../../test/application-builders.js';

/**
 * Issue 12: every problem carries a stable code and its params, and its words follow the user's
 * language: Accept-Language before sign-in, the account's locale after it; a request without
 * Accept-Language (a program, not a browser) reads English (README "API").
 */
let t: TestContext;
let zhSchool: Client;
let enSchool: Client;
beforeAll(async () => {
  t = await createTestApp();
  // Two accounts of the same school, one reading Chinese and one English.
  const hq = await t.as('hq@test.cn');
  for (const [email, locale] of [['zh-school@test.cn', 'zh'], ['en-school@test.cn', 'en']]) {
    const created = await hq.post('/api/users', { email, name: `学校用户 ${locale}`, role: 'school', schoolId: t.fixture.schools.eastA.id, password: PASSWORD, locale });
    expect(created.statusCode, created.body).toBe(201);
  }
  zhSchool = await t.as('zh-school@test.cn');
  enSchool = await t.as('en-school@test.cn');
});
afterAll(async () => { await t?.close(); });

const hasChinese = (s: string) => /[\u4e00-\u9fff]/.test(s);
const login = (payload: unknown, language?: string) => t.app.inject({
  method: 'POST', url: '/api/auth/login', payload: payload as object, headers: language ? { 'accept-language': language } : {},
});
const importStudents = (client: Client, csv: string, language?: string) => t.app.inject({
  method: 'POST', url: '/api/students/import', payload: csv,
  headers: { cookie: client.cookie, 'content-type': 'text/csv', ...(language ? { 'accept-language': language } : {}) },
});

describe('a login failure', () => {
  it('is login_failed, in Chinese for zh-CN, in English for en and for a client that names no language', async () => {
    const zh = await login({ email: 'hq@test.cn', password: 'wrong-password1' }, 'zh-CN,zh;q=0.9,en;q=0.8');
    expect(zh.statusCode).toBe(401);
    expect(zh.json()).toMatchObject({ error: 'unauthenticated', code: 'login_failed', params: {}, message: '邮箱或密码错误。' });
    expect(zh.headers['content-language']).toBe('zh-CN');
    const en = await login({ email: 'hq@test.cn', password: 'wrong-password1' }, 'en-GB');
    expect(en.json()).toMatchObject({ code: 'login_failed', message: 'The email or password is wrong.' });
    expect((await login({ email: 'hq@test.cn', password: 'wrong-password1' })).json().message).toBe('The email or password is wrong.');
    // Node's fetch says `*`: a program naming no language reads English too.
    expect((await login({ email: 'hq@test.cn', password: 'wrong-password1' }, '*')).json().message).toBe('The email or password is wrong.');
    // A language the server does not speak gets the product's own, Chinese; q-values order the choice.
    expect((await login({ email: 'hq@test.cn', password: 'wrong-password1' }, 'fr-FR')).json().message).toBe('邮箱或密码错误。');
    expect((await login({ email: 'hq@test.cn', password: 'wrong-password1' }, 'zh;q=0.5, en;q=0.9')).json().message).toBe('The email or password is wrong.');
  });
});

describe('a zod error', () => {
  it('names its field and code in every detail, the words in the language of the header before sign-in', async () => {
    const zh = await login({ email: 'not-an-email', password: '' }, 'zh-CN');
    expect(zh.statusCode).toBe(400);
    const body = zh.json();
    expect(body).toMatchObject({ error: 'validation_failed', code: 'invalid_email' });
    expect(body.details).toEqual(expect.arrayContaining([
      { field: 'body.email', code: 'invalid_email', params: {}, message: '应为电子邮箱地址' },
      { field: 'body.password', code: 'required', params: {}, message: '必填' },
    ]));
    expect(body.message).toBe('body.email：应为电子邮箱地址');
    const en = (await login({ email: 'not-an-email', password: '' }, 'en')).json();
    expect(en.details).toEqual(expect.arrayContaining([{ field: 'body.email', code: 'invalid_email', params: {}, message: 'must be an email address' }]));
    const missing = (await login({ password: 'x' }, 'zh-CN')).json();
    expect(missing.details).toEqual([{ field: 'body.email', code: 'required', params: {}, message: '必填' }]);
    const extra = (await login({ email: 'hq@test.cn', password: 'x', admin: true }, 'zh-CN')).json();
    expect(extra.details).toEqual([{ field: 'body', code: 'unknown_field', params: { keys: ['admin'] }, message: '未知字段：admin' }]);
  });

  it('after sign-in follows the account\'s locale, whatever the header says', async () => {
    const body = { studentNo: 'Z-1', name: '', cohortYear: 2025 };
    const zh = await zhSchool.post('/api/students', body, { 'accept-language': 'en' });
    expect(zh.statusCode).toBe(400);
    expect(zh.json().details).toEqual([{ field: 'body.name', code: 'required', params: {}, message: '必填' }]);
    const en = await enSchool.post('/api/students', body, { 'accept-language': 'zh-CN' });
    expect(en.json().details).toEqual([{ field: 'body.name', code: 'required', params: {}, message: 'is required' }]);
    const fraction = await zhSchool.post('/api/students', { ...body, name: 'x', cohortYear: 2025.5 }, { 'accept-language': 'zh-CN' });
    expect(fraction.json().details).toEqual([{ field: 'body.cohortYear', code: 'not_an_integer', params: {}, message: '应为整数' }]);
    // Without the header (a program, not a browser), English for every account.
    const program = await zhSchool.post('/api/students', body);
    expect(program.json().details).toEqual([{ field: 'body.name', code: 'required', params: {}, message: 'is required' }]);
  });

  it('a refinement carries its own code and params (a fact dated in the future)', async () => {
    const res = await zhSchool.post('/api/job-fairs', { title: '春季招聘会', heldOn: '2099-01-01' }, { 'accept-language': 'zh-CN' });
    expect(res.statusCode).toBe(400);
    const [detail] = res.json().details;
    expect(detail).toMatchObject({ field: 'body.heldOn', code: 'date_in_future', params: { today: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) } });
    expect(hasChinese(detail.message)).toBe(true);
  });
});

describe('a guard problem', () => {
  it('every guard problem is a detail with its code; the refusal kinds map to 400, 403 and 409', async () => {
    const draft = await createDraft(zhSchool);
    await zhSchool.put(`/api/applications/${draft.id}`, { version: draft.version, pledge: false, plan: {} });
    const submit = (client: Client, version: number) => client.post(`/api/applications/${draft.id}/actions/submit`, { version }, { 'accept-language': 'zh-CN,zh;q=0.9' });
    const refused = await submit(zhSchool, draft.version + 1);
    expect(refused.statusCode).toBe(400);
    const body = refused.json();
    expect(body.error).toBe('validation_failed');
    expect(body.details).toEqual(expect.arrayContaining([
      { field: 'pledge', code: 'pledge_missing', params: {}, message: '请勾选承诺达到该层次的条件' },
      { field: 'plan.summary', code: 'summary_too_short', params: { minimum: 10 }, message: '请概述实施方案（至少 10 个字）' },
    ]));
    expect(body.code).toBe(body.details[0].code);
    expect(hasChinese(body.message)).toBe(true);

    // The same school's English-speaking account reads the same problems in English.
    const english = await submit(enSchool, draft.version + 1);
    expect(english.json().details).toEqual(expect.arrayContaining([{ field: 'pledge', code: 'pledge_missing', params: {}, message: 'tick the pledge to meet the tier\'s conditions' }]));
    const east = await t.as('east@test.cn'); // the fixture's accounts read Chinese (the default locale)
    const wrongRole = await submit(east, draft.version + 1);
    expect(wrongRole.statusCode).toBe(403);
    expect(wrongRole.json()).toMatchObject({ error: 'forbidden', code: 'role_may_not', params: { role: 'regional', action: 'submit' }, message: '您的角色（大区）不能执行“提交”。' });
    const program = await east.post(`/api/applications/${draft.id}/actions/submit`, { version: draft.version + 1 });
    expect(program.json().message).toBe('Your role (regional) may not do "submit".');
    const stale = await submit(zhSchool, 1);
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ error: 'stale_version', code: 'stale_version' });
    expect(hasChinese(stale.json().message)).toBe(true);
  });
});

describe('an import row problem', () => {
  const csv = (rows: string[]) => ['studentNo,name,cohortYear,enrolledOn,leftOn,leftReason,major', ...rows].join('\n');

  it('each row\'s problem has its row, field, code and params, worded in the account\'s language', async () => {
    const res = await importStudents(zhSchool, csv(['P001,王一,2025,,,,', 'P001,王二,2025,,,,', 'P002,王三,twenty,,,,']), 'en-US');
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body).toMatchObject({ error: 'validation_failed', code: 'rows_have_problems', params: { count: 2 } });
    expect(hasChinese(body.message)).toBe(true);
    expect(body.details).toEqual([
      { row: 3, field: 'studentNo', code: 'duplicate_in_file', params: { otherRow: 2 }, message: '与第 2 行重复' },
      { row: 4, field: 'cohortYear', code: expect.any(String), params: expect.any(Object), message: expect.stringMatching(/[\u4e00-\u9fff]/) },
    ]);
    const english = (await importStudents(enSchool, csv(['P001,王一,2025,,,,', 'P001,王二,2025,,,,']), 'zh-CN')).json();
    expect(english.details).toEqual([{ row: 3, field: 'studentNo', code: 'duplicate_in_file', params: { otherRow: 2 }, message: 'the same as row 2' }]);
  });

  it('a header problem names the column, with the code of its kind', async () => {
    const res = await importStudents(zhSchool, 'studentNo,name,hack\nA,B,C', 'zh');
    expect(res.json()).toMatchObject({ code: 'columns_unknown', params: { columns: ['hack'] } });
    expect(res.json().details).toEqual([{ row: 1, field: 'hack', code: 'column_unknown', params: {}, message: '未知的列' }]);
    expect(res.json().message).toContain('hack');
  });
});

describe('problems before any route', () => {
  it('no session, an unknown route, a body that is not JSON: codes and the header\'s language', async () => {
    const noSession = await t.app.inject({ method: 'GET', url: '/api/schools', headers: { 'accept-language': 'zh-CN' } });
    expect(noSession.json()).toMatchObject({ error: 'unauthenticated', code: 'sign_in_first', message: '请先登录。' });
    const noRoute = await t.app.inject({ method: 'GET', url: '/api/nowhere', headers: { 'accept-language': 'zh' } });
    expect(noRoute.json()).toMatchObject({ error: 'not_found', code: 'no_route', params: { method: 'GET', url: '/api/nowhere' } });
    expect(hasChinese(noRoute.json().message)).toBe(true);
    const notJson = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: '{"email":', headers: { 'content-type': 'application/json', 'accept-language': 'en' } });
    expect(notJson.json()).toMatchObject({ error: 'bad_request', code: 'json_invalid', message: 'The body is not valid JSON.' });
  });
});
