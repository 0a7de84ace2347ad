import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { RunningServer } from './support/server.js';
import { startProduct, stopProduct } from './support/product.js';
import { newPage, screenshot, signIn } from './support/browser.js';
import { DEMO_PASSWORD, demoAccounts } from './support/api.js';

/**
 * Bulk work and files that go round trip (issue 17 items 2-3), as the demo school does them: 30
 * students of a graduating cohort are imported (through the API, each run its own student numbers),
 * the school exports them from the students list and imports the exported file back with "update
 * existing" on: the preview says all 30 unchanged and the import changes nothing. Then the school
 * selects the 30 on the list, marks them graduated today in one action (confirm, then the count)
 * and its teaching-delivery KPI moves (30 more graduates in the year's denominator).
 */

let server: RunningServer;
let browser: Browser;

beforeAll(async () => ({ server, browser } = await startProduct()));
afterAll(() => stopProduct({ server, browser }));

interface Student { id: number; studentNo: string; name: string; cohortYear: number; enrolledOn: string; leftOn: string | null; leftReason: string | null; major: string | null }
interface Compliance { id: number; year: number; kpis: { teachingDelivery?: { value: number | null } } }

describe('bulk work and files that go round trip', () => {
  it('a school exports its students and imports the file back unchanged, then marks 30 graduated in one action and teaching delivery moves', async () => {
    const { context, page, problems } = await newPage(browser, server.baseUrl);
    try {
      await signIn(page, demoAccounts.school, DEMO_PASSWORD);
      const prefix = `E2E${Date.now().toString(36).toUpperCase()}`;
      const rows = Array.from({ length: 30 }, (_, i) => `${prefix}${String(i).padStart(2, '0')},毕业生${i},2022,2022-09-01,,,跨境电子商务`);
      const imported = await page.request.post('/api/students/import', { headers: { 'content-type': 'text/csv' }, data: ['学号,姓名,入学年份,入学日期,离校日期,离校原因,专业', ...rows].join('\n') });
      expect(imported.status(), await imported.text()).toBe(200);
      expect(await imported.json()).toEqual({ created: 30 });
      const read = async () => (await (await page.request.get(`/api/students?filter=${encodeURIComponent(JSON.stringify({ q: prefix }))}&range=[0,99]&sort=["studentNo","ASC"]`)).json()) as Student[];
      const before = await read();
      expect(before).toHaveLength(30);

      // The list filtered to the cohort, 50 a page: its export, as the user downloads it.
      await page.goto(`/#/students?${new URLSearchParams({ filter: JSON.stringify({ q: prefix }), perPage: '50', sort: 'studentNo', order: 'ASC', page: '1' })}`);
      await page.getByText(`${prefix}29`).waitFor({ timeout: 90_000 });
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出' }).click()]);
      const file = await download.path();
      const text = fs.readFileSync(file!, 'utf8');
      expect(text.charCodeAt(0)).toBe(0xfeff);
      expect(text.split('\r\n')[0]).toBe('\ufeff学号,姓名,入学年份,入学日期,离校日期,离校原因,专业');

      // The exported file, back through the import screen with "update existing": all unchanged.
      await page.goto('/#/students/import');
      await page.getByTestId('import-file').setInputFiles({ name: 'students.csv', mimeType: 'text/csv', buffer: fs.readFileSync(file!) });
      await page.getByLabel('更新已存在的记录（按唯一标识匹配），其余新建').check();
      await page.getByRole('button', { name: '检查文件' }).click();
      const preview = page.getByTestId('import-preview');
      await preview.waitFor({ timeout: 90_000 });
      for (const chip of ['新建 0', '更新 0', '不变 30']) await preview.getByText(chip, { exact: true }).waitFor();
      await screenshot(page, 'import-round-trip-preview');
      expect(await read()).toEqual(before);

      // Teaching delivery before: the school's compliance rows.
      const kpi = async () => ((await (await page.request.get('/api/compliance?range=[0,99]')).json()) as Compliance[]).map((c) => ({ id: c.id, value: c.kpis.teachingDelivery?.value ?? null }));
      const kpiBefore = await kpi();

      // Select the 30 (the header's box selects the page) and mark them graduated today.
      await page.goto(`/#/students?${new URLSearchParams({ filter: JSON.stringify({ q: prefix }), perPage: '50', sort: 'studentNo', order: 'ASC', page: '1' })}`);
      await page.getByText(`${prefix}29`).waitFor({ timeout: 90_000 });
      await page.getByRole('checkbox').first().check();
      await page.getByRole('button', { name: '标记离校' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByText('将选中的 30 名学生标记为离校').waitFor();
      await dialog.getByRole('button', { name: '确认' }).click();
      await page.getByText('已将 30 名学生标记为“毕业”').waitFor({ timeout: 90_000 });
      await screenshot(page, 'bulk-marked-graduated');

      const after = await read();
      const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
      expect(after.every((s) => s.leftReason === 'graduated' && s.leftOn === today)).toBe(true);
      const kpiAfter = await kpi();
      expect(kpiAfter, 'teaching delivery moves with 30 more graduates').not.toEqual(kpiBefore);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
