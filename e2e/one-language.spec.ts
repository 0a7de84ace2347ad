import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page, Response } from 'playwright-core';
import { startServer, type RunningServer } from './support/server.js';
import { gotoLogin, launchBrowser, newPage, signIn } from './support/browser.js';
import { DEMO_PASSWORD, listQuery } from './support/api.js';

/**
 * One language at a time (issue 16 items 3 and 5), proved in the browser against the real server: for
 * the common failures (wrong password, throttled sign-in, a duplicate record, a bad import row, a
 * stale version) the Chinese UI says what went wrong in Chinese, from the problem's code, and shows
 * none of the server's English. To make the server speak English whoever is signed in (a signed-in
 * account's own language would win over a language header), every API request of the page is sent
 * with Accept-Language: * (no language named: the server answers a program in English, README
 * "Errors and their language"); every problem `message` (and each detail's) it answers is collected,
 * each failure's own answer is checked to be English, and none of them may appear on the page.
 */

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  // A first start (migrations, the demo seed) takes minutes on a loaded machine: a long deadline.
  // E2E_WEB_DIST: serve another build of the SPA (see accessibility.spec.ts).
  server = await startServer({ timeoutMs: 540_000, ...(process.env.E2E_WEB_DIST ? { env: { WEB_DIST: process.env.E2E_WEB_DIST } } : {}) });
  browser = await launchBrowser();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Words of three Latin letters or more: none may be in what the Chinese UI says about a failure. */
const latinWords = (text: string) => text.match(/[A-Za-z]{3,}/g) ?? [];
const cjk = /[\u4e00-\u9fff]/;

/**
 * A Chinese UI whose API requests ask for English; `english` collects the sentences the server
 * answered in problems (message, details' messages).
 */
async function chineseUiEnglishServer(): Promise<{ context: BrowserContext; page: Page; english: string[]; problems: string[] }> {
  const { context, page, problems } = await newPage(browser, server.baseUrl);
  const english: string[] = [];
  await context.route('**/api/**', (route) => route.continue({ headers: { ...route.request().headers(), 'accept-language': '*' } }));
  page.on('response', async (res) => {
    if (!new URL(res.url()).pathname.startsWith('/api/')) return;
    if (res.status() < 400 && !res.url().includes('dryRun=true')) return;
    const body = (await res.json().catch(() => undefined)) as { message?: string; details?: unknown; rows?: unknown } | undefined;
    const collect = (value: unknown) => {
      if (!value || typeof value !== 'object') return;
      if (Array.isArray(value)) return value.forEach(collect);
      for (const [k, v] of Object.entries(value)) {
        if (k === 'message' && typeof v === 'string' && latinWords(v).length) english.push(v);
        else collect(v);
      }
    };
    collect(body);
  });
  return { context, page, english, problems };
}

/** What the page shows about a failure: an alert, a notification or a field's error, once it has words. */
async function failureShown(page: Page): Promise<Locator> {
  const shown = page.locator('[role="alert"]:visible, .MuiSnackbarContent-message:visible, .MuiFormHelperText-root.Mui-error:visible').filter({ hasText: /\S/ });
  await shown.first().waitFor({ timeout: 90_000 });
  return shown;
}

/** The failure is said in Chinese only, and none of the server's English sentences is anywhere on the page. */
async function expectChineseOnly(page: Page, shown: Locator, english: string[]) {
  expect(english.length, 'the server should have answered in English (Accept-Language: en)').toBeGreaterThan(0);
  const texts = (await shown.allInnerTexts()).map((t) => t.trim()).filter(Boolean);
  expect(texts.length).toBeGreaterThan(0);
  for (const text of texts) {
    expect(text, text).toMatch(cjk);
    expect(latinWords(text), text).toEqual([]);
  }
  const body = await page.locator('body').innerText();
  for (const sentence of english) expect(body, `the server's English "${sentence}" is on the page`).not.toContain(sentence);
}

/** The failing answer was in English (else the test would prove nothing). */
async function englishAnswer(res: Response) {
  const body = (await res.json()) as { message?: string };
  expect(latinWords(body.message ?? '').length, `the server's answer should be English: ${body.message}`).toBeGreaterThan(0);
}

async function signInWith(page: Page, email: string, password: string) {
  await gotoLogin(page);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  const answered = page.waitForResponse((r) => r.url().endsWith('/api/auth/login') && r.request().method() === 'POST');
  await page.getByRole('button', { name: '登录' }).click();
  return answered;
}

describe('the Chinese UI says the common failures in Chinese, never in the server\'s English', () => {
  it('a wrong password', async () => {
    const { context, page, english } = await chineseUiEnglishServer();
    try {
      const res = await signInWith(page, 'hq@demo.test', 'not-the-password');
      expect(res.status()).toBe(401);
      await englishAnswer(res);
      const shown = await failureShown(page);
      expect(await shown.first().innerText()).toContain('邮箱或密码错误');
      await expectChineseOnly(page, shown, english);
    } finally {
      await context.close();
    }
  });

  it('a throttled sign-in', async () => {
    const { context, page, english } = await chineseUiEnglishServer();
    try {
      // The account's failures up to the limit (LOGIN_MAX_FAILURES, 10 by default), then the page's try.
      let status = 0;
      for (let i = 0; i < 12 && status !== 429; i += 1) {
        const res = await fetch(`${server.baseUrl}/api/auth/login`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'Accept-Language': 'en' },
          body: JSON.stringify({ email: 'school2@demo.test', password: 'not-the-password' }),
        });
        status = res.status;
      }
      expect(status).toBe(429);
      const res = await signInWith(page, 'school2@demo.test', 'not-the-password');
      expect(res.status()).toBe(429);
      await englishAnswer(res);
      const shown = await failureShown(page);
      expect(await shown.first().innerText()).toContain('登录失败次数过多');
      await expectChineseOnly(page, shown, english);
    } finally {
      await context.close();
    }
  });

  it('a duplicate record and a stale version (409), on the region edit form', async () => {
    const { context, page, english } = await chineseUiEnglishServer();
    try {
      await signIn(page, 'hq@demo.test', DEMO_PASSWORD);
      const regions = (await (await page.request.get(`/api/regions${listQuery({ sort: ['id', 'ASC'], range: [0, 9] })}`)).json()) as { id: number; nameZh: string }[];
      expect(regions.length).toBeGreaterThan(1);
      const [first, second] = regions;

      // Duplicate: the first region renamed as the second.
      await page.goto(`/#/regions/${first.id}`);
      const name = page.locator('input[name="nameZh"]');
      await name.waitFor();
      await name.fill(second.nameZh);
      const refused = page.waitForResponse((r) => r.url().includes(`/api/regions/${first.id}`) && r.request().method() === 'PUT');
      await page.getByRole('button', { name: '保存' }).click();
      expect((await refused).status()).toBeGreaterThanOrEqual(400);
      await englishAnswer(await refused);
      await expectChineseOnly(page, await failureShown(page), english);

      // Stale version: someone else saves the region after the page read it.
      await page.goto('/#/regions');
      await page.goto(`/#/regions/${first.id}`);
      await name.waitFor();
      await page.waitForLoadState('networkidle');
      const current = (await (await page.request.get(`/api/regions/${first.id}`)).json()) as Record<string, unknown>;
      const other = await page.request.put(`/api/regions/${first.id}`, {
        data: { version: current.version, nameZh: current.nameZh, nameEn: current.nameEn, provinces: current.provinces, sortOrder: Number(current.sortOrder ?? 0) + 1 },
      });
      expect(other.status(), await other.text()).toBe(200);
      await name.fill(`${first.nameZh}区`);
      const stale = page.waitForResponse((r) => r.url().includes(`/api/regions/${first.id}`) && r.request().method() === 'PUT');
      await page.getByRole('button', { name: '保存' }).click();
      expect((await stale).status()).toBe(409);
      await englishAnswer(await stale);
      await expectChineseOnly(page, await failureShown(page), english);
    } finally {
      await context.close();
    }
  });

  it('a bad import row', async () => {
    const { context, page, english } = await chineseUiEnglishServer();
    try {
      await signIn(page, 'school@demo.test', DEMO_PASSWORD);
      await page.goto('/#/students/import');
      await page.locator('input[type="file"]').waitFor({ state: 'attached' });
      const header = 'studentNo,name,cohortYear,enrolledOn,leftOn,leftReason,major';
      const csv = `${header}\n990001,测试甲,2025,,,,跨境电子商务\n990002,测试乙,二〇二五,,,,跨境电子商务\n`;
      await page.locator('input[type="file"]').setInputFiles({ name: 'students.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
      const checked = page.waitForResponse((r) => r.url().includes('/api/students/import?dryRun=true') && r.request().method() === 'POST');
      await page.getByRole('button', { name: '检查文件', exact: true }).click();
      expect((await checked).status()).toBe(200);
      const rows = page.getByTestId('import-preview').locator('tbody tr');
      await rows.first().waitFor();
      const cells = (await rows.first().locator('td').allInnerTexts()).map((t) => t.trim());
      const said = cells.filter((c) => c && !/^\d+$/.test(c) && c !== '二〇二五');
      expect(said.length).toBeGreaterThan(0);
      for (const text of said) expect(latinWords(text), text).toEqual([]);
      expect(english.length, 'the dry run should have answered its row problems in English').toBeGreaterThan(0);
      const body = await page.locator('body').innerText();
      for (const sentence of english) expect(body).not.toContain(sentence);
    } finally {
      await context.close();
    }
  });
});
