import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { freePort, startServer, type RunningServer } from './support/server.js';
import { launchBrowser, newPage, screenshot, settle, signIn } from './support/browser.js';
import { listQuery } from './support/api.js';
import { linksOf, startMailbox, type Mailbox, type ReceivedMail } from './support/mailbox.js';

/**
 * Going live (issue 13, the first "Done when"): the product on an empty embedded database with only
 * ADMIN_EMAIL set, a real SMTP server of the test's own, and every step through the UI (the API is
 * only read, to assert):
 *
 * 1. the first HQ account's invitation arrives by mail; HQ sets a password from its link and signs in;
 * 2. HQ imports the school directory (400 schools) and 50 partnerships that began before the product
 *    from .xlsx files with the templates' Chinese headers, through the lists' import screens;
 * 3. HQ creates a service provider and assigns it to two schools in the provider form;
 * 4. HQ invites a school administrator of a school with an active partnership; the administrator
 *    sets a password from the mailed link, signs in and sees the school's live compliance of its
 *    current agreement year;
 * 5. HQ invites East China's regional staff, who set their password from the mail;
 * 6. a school not in the product asks to join on /join (linked from the sign-in page), confirms its
 *    e-mail from the mailed link, is accepted by its region's staff; its administrator sets a
 *    password from the invitation and drafts an application.
 */

const ADMIN = 'hq-admin@golive.test';
const PASSWORD = 'GoLive2026';
const SCHOOL_ADMIN = 'admin@school-golive.test';
const JOINER = 'contact@join-golive.test';
const REGIONAL = 'east@golive.test';
const JOINING_SCHOOL = '衢州职业技术学院（申请加入）';
const PROVIDER = '杭州云帆跨境电商服务有限公司';

const SCHOOLS = 400;
const PARTNERSHIPS = 50;

let mailbox: Mailbox;
let server: RunningServer;
let browser: Browser;
const sessions: { context: BrowserContext; problems: string[] }[] = [];
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cp-go-live-'));

/** State the steps hand on, in order. */
const journey: { hq?: Page; regional?: Page; schoolNames: string[]; partnerSchools: string[]; rectifyingSchools: Set<string> } = {
  schoolNames: [], partnerSchools: [], rectifyingSchools: new Set(),
};

beforeAll(async () => {
  mailbox = await startMailbox();
  const port = await freePort();
  server = await startServer({
    port,
    env: {
      SEED_DEMO: 'false',
      ADMIN_EMAIL: ADMIN,
      SMTP_URL: mailbox.url,
      MAIL_FROM: 'Campus Partner <no-reply@golive.test>',
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      MAIL_POLL_SECONDS: '0.5',
      MAIL_RETRY_BASE_SECONDS: '1',
      MAIL_RETRY_MAX_SECONDS: '2',
    },
  });
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const s of sessions) await s.context.close().catch(() => {});
  await browser?.close();
  await server?.stop();
  await mailbox?.stop();
  fs.rmSync(workDir, { recursive: true, force: true });
});

/** A fresh browser (its own cookies) on the product. */
async function freshPage(): Promise<Page> {
  const session = await newPage(browser, server.baseUrl);
  session.page.setDefaultTimeout(90_000);
  sessions.push(session);
  return session.page;
}

async function apiAs<T>(page: Page, pathAndQuery: string): Promise<{ status: number; json: T; total?: number }> {
  const res = await page.request.get(pathAndQuery);
  const range = res.headers()['content-range'];
  return { status: res.status(), json: (await res.json().catch(() => undefined)) as T, total: range ? Number(range.split('/').pop()) : undefined };
}

async function shoot(page: Page, name: string) {
  await page.locator('.MuiSnackbar-root').first().waitFor({ state: 'detached', timeout: 10_000 }).catch(() => {});
  return screenshot(page, `go-live-${name}`);
}

/** The one link of a mail to the product (its public address). */
function productLink(mail: ReceivedMail): string {
  const links = linksOf(mail).filter((l) => l.startsWith(server.baseUrl));
  expect(links, `the mail "${mail.subject}" holds one link to the product:\n${mail.text}`).toHaveLength(1);
  return links[0]!;
}

/** Opens an invitation (or reset) link, sets the password on the page it leads to, and signs in. */
async function setPasswordAndSignIn(page: Page, link: string, email: string) {
  await page.goto(link);
  await page.locator('input[name="password"]').fill(PASSWORD);
  await page.locator('input[name="passwordAgain"]').fill(PASSWORD);
  const saved = page.waitForResponse((r) => r.url().includes('/api/auth/') && r.request().method() === 'POST');
  await page.getByRole('button', { name: '保存密码' }).click();
  expect((await saved).status()).toBeLessThan(300);
  await page.getByText('密码已设置').waitFor();
  await page.getByRole('link', { name: '前往登录' }).click();
  await signIn(page, email, PASSWORD);
  await settle(page);
}

/** Today in China, YYYY-MM-DD. */
const todayInChina = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

/** The first day of the month `months` before today (China), as a UTC midnight Date (an Excel date cell). */
function monthsAgo(months: number): Date {
  const [y, m] = todayInChina().split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1 - months, 1));
}
const ymd = (d: Date) => d.toISOString().slice(0, 10);

const PLACES: [string, string][] = [
  ['浙江', '杭州'], ['浙江', '宁波'], ['江苏', '南京'], ['江苏', '苏州'], ['上海', '上海'], ['山东', '青岛'], ['福建', '厦门'],
  ['广东', '广州'], ['广东', '深圳'], ['广西', '南宁'], ['北京', '北京'], ['河北', '石家庄'], ['河南', '郑州'], ['湖北', '武汉'],
  ['湖南', '长沙'], ['四川', '成都'], ['重庆', '重庆'], ['陕西', '西安'], ['辽宁', '大连'], ['黑龙江', '哈尔滨'],
];

/** The school directory: 400 schools, Chinese headers as the template offers them. */
async function schoolDirectory(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('院校名录');
  ws.addRow(['学校名称', '英文名称', '省份', '城市', '类型', '联系人', '联系邮箱', '联系电话', '大区']);
  for (let i = 1; i <= SCHOOLS; i++) {
    const [province, city] = PLACES[i % PLACES.length]!;
    const vocational = i % 3 !== 0;
    const no = String(i).padStart(3, '0');
    const name = vocational ? `${city}第${no}职业技术学院` : `${city}第${no}理工学院`;
    journey.schoolNames.push(name);
    ws.addRow([name, `${vocational ? 'Vocational' : 'Technical'} College ${no} of ${city}`, province, city, vocational ? '高职' : '本科',
      `联系人${no}`, `contact${no}@school${no}.edu.cn`, `0571-8800${no}`, '']);
  }
  const file = path.join(workDir, '院校名录.xlsx');
  await wb.xlsx.writeFile(file);
  return file;
}

/**
 * 50 partnerships that began before the product: talent bases and industry colleges in their second
 * year (the first evaluated outside the product, some to rectify), and 1+X pilots in their first.
 */
async function partnerships(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('合作协议');
  ws.addRow(['学校', '级别', '开始日期', '年限', '状态', '整改通知', '整改期限', '已评审年度', '备注']);
  const secondYear = monthsAgo(15);
  const firstYear = monthsAgo(4);
  const deadline = ymd(new Date(Date.UTC(Number(todayInChina().slice(0, 4)) + 1, 2, 31)));
  for (let i = 0; i < PARTNERSHIPS; i++) {
    const school = journey.schoolNames[i * 7]!;
    journey.partnerSchools.push(school);
    if (i % 10 === 9) {
      ws.addRow([school, '1+X试点院校', firstYear, 1, '执行中', '', '', '', '试点一年']);
    } else if (i % 10 === 4) {
      journey.rectifyingSchools.add(school);
      ws.addRow([school, '人才基地', ymd(secondYear).replaceAll('-', '/'), 3, '整改中', '1+X证书人数不足', deadline, '1:限期整改', '']);
    } else {
      ws.addRow([school, i % 2 ? '产业学院' : '人才基地', secondYear, 3, '执行中', '', '', '1:继续合作', '']);
    }
  }
  // Excel shows the date cells as dates.
  ws.getColumn(3).numFmt = 'yyyy-mm-dd';
  const file = path.join(workDir, '存量合作.xlsx');
  await wb.xlsx.writeFile(file);
  return file;
}

/** The list's import screen: the file, the dry run's preview, then the import itself. */
async function importThroughScreen(page: Page, resource: string, file: string, expected: number) {
  await page.goto(`/#/${resource}`);
  await settle(page);
  await page.getByRole('link', { name: '导入', exact: true }).click();
  await page.waitForURL(new RegExp(`#/${resource}/import`));
  // The template's columns come from the server.
  await page.getByRole('table', { name: 'template' }).waitFor();
  await page.getByTestId('import-file').setInputFiles(file);
  await page.getByText('Excel 工作簿', { exact: true }).waitFor();
  await page.getByRole('button', { name: '检查文件', exact: true }).click();
  const preview = page.getByTestId('import-preview');
  await preview.waitFor({ timeout: 120_000 });
  await preview.getByText(`新建 ${expected}`).waitFor();
  await preview.getByText('有问题 0').waitFor();
  await shoot(page, `${resource}-import-preview`);
  const imported = page.waitForResponse((r) => new URL(r.url()).pathname === `/api/${resource}/import` && r.request().method() === 'POST', { timeout: 180_000 });
  await preview.getByRole('button', { name: '确认导入', exact: true }).click();
  const res = await imported;
  expect(res.status(), await res.text()).toBe(200);
  await page.getByText(`已导入 ${expected} 条记录`).waitFor();
  await page.waitForURL(new RegExp(`#/${resource}$|#/${resource}\\?`));
}

/** HQ's users form: name, e-mail, the role, what the role needs (`links`), save; the owner is invited by mail. */
async function inviteFromUsersForm(hq: Page, person: { name: string; email: string; role: string }, links: () => Promise<void>) {
  await hq.goto('/#/users');
  await settle(hq);
  await hq.getByRole('link', { name: '新建', exact: true }).click();
  await hq.waitForURL(/#\/users\/create/);
  await hq.locator('input[name="name"]').fill(person.name);
  await hq.locator('input[name="email"]').fill(person.email);
  await hq.getByRole('combobox', { name: '角色' }).click();
  await hq.getByRole('listbox').getByRole('option', { name: person.role, exact: true }).click();
  await links();
  const created = hq.waitForResponse((r) => new URL(r.url()).pathname === '/api/users' && r.request().method() === 'POST');
  await hq.getByRole('button', { name: '保存' }).click();
  expect((await created).status()).toBe(201);
  await hq.waitForURL(/#\/users\/\d+\/show/);
}

interface School { id: number; name: string; tier: string | null; status: string }
interface Agreement { id: number; schoolId: number; schoolName: string; tier: string; status: string }
interface ComplianceRow { id: string; schoolId: number; agreementId: number; year: number; from: string; to: string; current: boolean; kpis: Record<string, { value: number | null; threshold: number | null; met: boolean | null }> }
interface Provider { id: number; name: string; schoolIds: number[] }
interface User { id: number; email: string; role: string; schoolId: number | null; invitationPending?: boolean }
interface JoinRequest { id: number; schoolName: string; status: string }
interface Application { id: number; schoolId: number; tier: string; status: string }

describe('going live from an empty database', { timeout: 600_000 }, () => {
  it('the first HQ account is invited by mail; HQ sets its password from the link and signs in', async () => {
    expect(server.health.status).toBe('ok');
    const mail = await mailbox.take(ADMIN);
    expect(mail.subject).toBe('您的校企合作平台账号');
    const link = productLink(mail);
    expect(link).toMatch(/\/set-password\?token=/);
    const hq = await freshPage();
    await setPasswordAndSignIn(hq, link, ADMIN);
    const me = (await apiAs<{ email: string; role: string }>(hq, '/api/auth/me')).json;
    expect(me).toMatchObject({ email: ADMIN, role: 'hq' });
    journey.hq = hq;
    await shoot(hq, 'hq-first-sign-in');
  });

  it('HQ imports the directory of 400 schools from .xlsx on the schools list', async () => {
    const hq = journey.hq!;
    await importThroughScreen(hq, 'schools', await schoolDirectory(), SCHOOLS);
    const listed = await apiAs<School[]>(hq, `/api/schools${listQuery({ range: [0, 0] })}`);
    expect(listed.total).toBe(SCHOOLS);
    await shoot(hq, 'schools-imported');
  });

  it('HQ imports 50 partnerships that began before the product from .xlsx on the agreements list', async () => {
    const hq = journey.hq!;
    await importThroughScreen(hq, 'agreements', await partnerships(), PARTNERSHIPS);
    const agreements = await apiAs<Agreement[]>(hq, `/api/agreements${listQuery({ range: [0, 999] })}`);
    expect(agreements.total).toBe(PARTNERSHIPS);
    expect(agreements.json.filter((a) => a.status === 'rectifying')).toHaveLength(journey.rectifyingSchools.size);
    expect(new Set(agreements.json.map((a) => a.schoolName))).toEqual(new Set(journey.partnerSchools));
    // Compliance follows the import: every partnership has its current year's row at once.
    const current = await apiAs<ComplianceRow[]>(hq, `/api/compliance${listQuery({ filter: { current: true }, range: [0, 999] })}`);
    expect(new Set(current.json.map((r) => r.agreementId))).toEqual(new Set(agreements.json.map((a) => a.id)));
    await shoot(hq, 'agreements-imported');
  });

  it('HQ creates a service provider and assigns it to two schools', async () => {
    const hq = journey.hq!;
    const [first, second] = [journey.partnerSchools[0]!, journey.partnerSchools[1]!];
    await hq.goto('/#/providers');
    await settle(hq);
    await hq.getByRole('link', { name: /新建|创建/ }).first().click();
    await hq.waitForURL(/#\/providers\/create/);
    await hq.locator('input[name="name"]').fill(PROVIDER);
    await hq.locator('input[name="contactName"]').fill('周经理');
    await hq.locator('input[name="contactEmail"]').fill('zhou@yunfan-golive.test');
    await hq.locator('input[name="contactPhone"]').fill('0571-86001234');
    for (const school of [first, second]) {
      // The schools input searches the directory on the server as one types.
      const search = hq.getByRole('combobox', { name: '服务院校' });
      await search.fill(school.slice(0, 6));
      await hq.getByRole('option', { name: school, exact: true }).click();
    }
    const created = hq.waitForResponse((r) => new URL(r.url()).pathname === '/api/providers' && r.request().method() === 'POST');
    await hq.getByRole('button', { name: '保存' }).click();
    expect((await created).status()).toBe(201);
    await settle(hq);
    const providers = (await apiAs<Provider[]>(hq, `/api/providers${listQuery({ filter: { q: PROVIDER } })}`)).json;
    const provider = providers.find((p) => p.name === PROVIDER);
    expect(provider).toBeDefined();
    const schools = (await apiAs<School[]>(hq, `/api/schools${listQuery({ filter: { q: '第' }, range: [0, 999] })}`)).json;
    const ids = [first, second].map((n) => schools.find((s) => s.name === n)?.id);
    expect([...(await apiAs<Provider>(hq, `/api/providers/${provider!.id}`)).json.schoolIds].sort()).toEqual([...ids].sort());
    await shoot(hq, 'provider-created');
  });

  it("HQ invites a school administrator; from the mailed link the administrator sets a password and sees the school's live compliance", async () => {
    const hq = journey.hq!;
    const schoolName = journey.partnerSchools.find((n) => !journey.rectifyingSchools.has(n))!;
    await inviteFromUsersForm(hq, { name: '王老师', email: SCHOOL_ADMIN, role: '院校' }, async () => {
      // One school of 400: typed to search it, as in the provider form.
      const schoolInput = hq.getByRole('combobox', { name: '所属院校' });
      await schoolInput.click();
      if (await schoolInput.evaluate((el) => el.tagName === 'INPUT')) await schoolInput.fill(schoolName.slice(0, 6));
      await hq.getByRole('option', { name: schoolName, exact: true }).click();
    });

    const mail = await mailbox.take(SCHOOL_ADMIN);
    const link = productLink(mail);
    const school = await freshPage();
    await setPasswordAndSignIn(school, link, SCHOOL_ADMIN);
    const me = (await apiAs<{ role: string; schoolId: number }>(school, '/api/auth/me')).json;
    expect(me.role).toBe('school');
    const invited = (await apiAs<User[]>(hq, `/api/users${listQuery({ filter: { q: SCHOOL_ADMIN } })}`)).json.find((u) => u.email === SCHOOL_ADMIN);
    expect(invited).toMatchObject({ role: 'school', schoolId: me.schoolId, invitationPending: false });

    // The current agreement year of the imported partnership, with its KPIs, on the school's dashboard.
    const [row] = (await apiAs<ComplianceRow[]>(school, `/api/compliance${listQuery({ filter: { current: true } })}`)).json;
    expect(row, 'the school has a current compliance row').toBeDefined();
    expect(row!.schoolId).toBe(me.schoolId);
    expect(row!.year).toBe(2);
    await school.goto('/#/');
    await school.getByTestId('school-kpis').waitFor();
    const instructors = school.getByTestId('kpi-card-certifiedInstructors');
    expect(await instructors.getByTestId('kpi-value').innerText()).toBe(String(row!.kpis.certifiedInstructors!.value));
    await settle(school);
    await shoot(school, 'school-dashboard');
  });

  it("HQ invites East China's regional staff, who set their password from the mail", async () => {
    const hq = journey.hq!;
    await inviteFromUsersForm(hq, { name: '华东大区 陈经理', email: REGIONAL, role: '大区' }, async () => {
      await hq.getByRole('combobox', { name: '负责大区' }).click();
      await hq.getByRole('listbox').getByRole('option', { name: '华东', exact: true }).click();
      await hq.keyboard.press('Escape');
    });
    const regional = await freshPage();
    await setPasswordAndSignIn(regional, productLink(await mailbox.take(REGIONAL)), REGIONAL);
    const me = (await apiAs<{ role: string; regionIds: number[] }>(regional, '/api/auth/me')).json;
    expect(me.role).toBe('regional');
    expect(me.regionIds).toHaveLength(1);
    journey.regional = regional;
  });

  it('a school not in the product asks to join, confirms its e-mail, is accepted, sets its password and drafts an application', async () => {
    const visitor = await freshPage();
    // The address given to schools, <PUBLIC_URL>/join, opens the page; so does the sign-in page's link.
    await visitor.goto('/join');
    await visitor.waitForURL(/#\/join$/);
    await visitor.getByRole('button', { name: '提交申请' }).waitFor();
    await visitor.goto('/');
    await visitor.getByRole('link', { name: '学校尚未加入？申请加入项目' }).click();
    await visitor.waitForURL(/#\/join$/);
    await visitor.locator('input[name="schoolName"]').fill(JOINING_SCHOOL);
    await visitor.locator('select[name="province"]').selectOption('浙江');
    await visitor.locator('select[name="kind"]').selectOption('vocational');
    await visitor.locator('input[name="contactName"]').fill('郑老师');
    await visitor.locator('input[name="email"]').fill(JOINER);
    await visitor.locator('input[name="phone"]').fill('0570-8011234');
    await visitor.locator('select[name="tier"]').selectOption('talent_base');
    await visitor.getByRole('button', { name: '提交申请' }).click();
    await visitor.getByText('请查收邮件').waitFor();
    await shoot(visitor, 'join-sent');

    const confirmMail = await mailbox.take(JOINER);
    await visitor.goto(productLink(confirmMail));
    await visitor.getByText('邮箱已确认').waitFor();

    // The region's staff accept it in their queue of join requests (浙江 is East China's).
    const regional = journey.regional!;
    await regional.goto('/#/join-requests');
    await settle(regional);
    const row = regional.getByRole('row').filter({ hasText: JOINING_SCHOOL });
    await row.getByRole('button', { name: '接受' }).click();
    const accepted = regional.waitForResponse((r) => /\/api\/join-requests\/\d+\/actions\/accept$/.test(new URL(r.url()).pathname));
    await regional.getByRole('dialog').getByRole('button', { name: '接受' }).click();
    expect((await accepted).status()).toBe(200);
    await settle(regional);
    const requests = (await apiAs<JoinRequest[]>(regional, `/api/join-requests${listQuery({ filter: { q: JOINING_SCHOOL } })}`)).json;
    expect(requests.find((r) => r.schoolName === JOINING_SCHOOL)?.status).toBe('accepted');

    const invitation = await mailbox.take(JOINER, { subject: /账号/ });
    const newcomer = await freshPage();
    await setPasswordAndSignIn(newcomer, productLink(invitation), JOINER);
    const me = (await apiAs<{ role: string; schoolId: number }>(newcomer, '/api/auth/me')).json;
    expect(me.role).toBe('school');
    const joined = (await apiAs<School>(newcomer, `/api/schools/${me.schoolId}`)).json;
    expect(joined.name).toBe(JOINING_SCHOOL);

    await newcomer.goto('/#/applications/create');
    await newcomer.locator('[data-tier="talent_base"]').click();
    await newcomer.getByTestId('create-draft').click();
    await newcomer.waitForURL(/#\/applications\/\d+$/);
    await newcomer.locator('input[name="plan.contact.name"]').fill('郑老师');
    await settle(newcomer);
    const applications = (await apiAs<Application[]>(newcomer, `/api/applications${listQuery({})}`)).json;
    expect(applications).toHaveLength(1);
    expect(applications[0]).toMatchObject({ schoolId: me.schoolId, tier: 'talent_base', status: 'draft' });
    await shoot(newcomer, 'join-application-draft');
  });

  it('no page error and no server error on the way', () => {
    expect(sessions.flatMap((s) => s.problems)).toEqual([]);
    expect(server.errorLogs()).toEqual([]);
  });
});
