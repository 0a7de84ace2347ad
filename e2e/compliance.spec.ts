import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { RunningServer } from './support/server.js';
import { startProduct, stopProduct } from './support/product.js';
import { newPage, screenshot, settle, signIn } from './support/browser.js';
import { DEMO_PASSWORD, listQuery } from './support/api.js';
import { repoRoot } from './support/paths.js';

/**
 * The KPI dashboards against the demo data: every number on them is the server's, each opens the
 * records behind it, a school drills down from a KPI to the records it counts, and a CSV import
 * with a bad row is refused as a whole with a row-by-row report, then goes through once fixed.
 * Each role's dashboard is saved as e2e/screenshots/dashboard-<role>.png.
 */

let server: RunningServer;
let browser: Browser;

beforeAll(async () => ({ server, browser } = await startProduct()));
afterAll(() => stopProduct({ server, browser }));

interface Kpi { value: number | null; threshold: number | null; met: boolean | null }
interface Row { id: string; schoolId: number; schoolName: string; from: string; to: string; asOf: string; kpis: Record<string, Kpi>; compliant: boolean }
interface Summary { totals: { schools: number; compliant: number }; atRiskCount: number; atRisk: Row[]; regionTier: { regionId: number; tier: string; schools: number; compliant: number }[] }

async function apiAs<T>(page: Page, pathAndQuery: string): Promise<{ status: number; json: T; total?: number }> {
  const res = await page.request.get(pathAndQuery);
  const range = res.headers()['content-range'];
  return { status: res.status(), json: (await res.json().catch(() => undefined)) as T, total: range ? Number(range.split('/').pop()) : undefined };
}

/** A full-page screenshot with the pointer out of the way (no chart tooltip in the picture). */
async function shoot(page: Page, name: string) {
  await page.mouse.move(1, 1);
  await page.waitForTimeout(300);
  return screenshot(page, name);
}

/** The list filter of a react-admin list URL (…?filter=<json>). */
function filterOf(url: string): Record<string, unknown> {
  const query = url.split('?')[1] ?? '';
  const raw = new URLSearchParams(query).get('filter');
  return raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
}

/** The total a react-admin list shows in its pagination ("第 1-25 条，共 212 条"). */
async function listedTotal(page: Page): Promise<number> {
  const text = await page.locator('.MuiTablePagination-displayedRows').first().innerText();
  const match = /共\s*([\d,]+)\s*条/.exec(text) ?? /of\s*([\d,]+)/.exec(text);
  return Number(match![1].replace(/,/g, ''));
}

async function dashboardOf(email: string) {
  const { context, page, problems } = await newPage(browser, server.baseUrl);
  await signIn(page, email, DEMO_PASSWORD);
  await settle(page);
  return { context, page, problems };
}

describe('the KPI dashboards', () => {
  it("HQ: the numbers are the server's summary, and a region × tier cell opens the compliance rows behind it", async () => {
    const { context, page, problems } = await dashboardOf('hq@demo.test');
    try {
      const overview = page.getByTestId('compliance-overview');
      await overview.waitFor();
      await overview.locator('.recharts-bar-rectangle').first().waitFor();
      await settle(page);
      const summary = (await apiAs<Summary>(page, '/api/compliance/summary')).json;
      expect(summary.totals.schools).toBeGreaterThan(0);
      expect(summary.atRiskCount).toBeGreaterThan(0);
      const text = await overview.innerText();
      expect(text).toContain(String(summary.totals.schools));
      expect(text).toContain(String(summary.totals.compliant));
      for (const row of summary.atRisk.slice(0, 5)) expect(text).toContain(row.schoolName);
      await shoot(page, 'dashboard-hq');
      if (process.env.E2E_UPDATE_DOCS === 'true') {
        fs.copyFileSync(path.join(repoRoot, 'e2e', 'screenshots', 'dashboard-hq.png'), path.join(repoRoot, 'docs', 'screenshot-dashboard.png'));
      }

      // The busiest cell of the heat table opens exactly its rows.
      const cell = [...summary.regionTier].sort((a, b) => b.schools - a.schools)[0];
      const link = page.getByTestId(`heat-${cell.regionId}-${cell.tier}`);
      expect((await link.innerText()).replace(/\s/g, '')).toBe(`${cell.compliant}/${cell.schools}`);
      await link.click();
      await page.waitForURL(/#\/compliance\?/);
      expect(filterOf(page.url())).toEqual({ current: true, regionId: cell.regionId, tier: cell.tier });
      await page.locator('.list-page tbody tr.RaDataTable-row').first().waitFor();
      await settle(page);
      expect(await listedTotal(page)).toBe(cell.schools);
      expect(await page.locator('.list-page tbody tr.RaDataTable-row').count()).toBe(cell.schools);

      // A failing school of the list opens its year: every KPI against its threshold.
      await page.goto(`/#/compliance/${summary.atRisk[0].id}/show`);
      await page.getByRole('table', { name: '考核指标' }).waitFor();
      expect(await page.locator('#main-content').innerText()).toContain(summary.atRisk[0].schoolName);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('regional staff see their region only', async () => {
    const { context, page, problems } = await dashboardOf('east@demo.test');
    try {
      const overview = page.getByTestId('compliance-overview');
      await overview.locator('.recharts-bar-rectangle').first().waitFor();
      await settle(page);
      const summary = (await apiAs<Summary>(page, '/api/compliance/summary')).json;
      const me = (await apiAs<{ regionIds: number[] }>(page, '/api/auth/me')).json;
      expect(summary.regionTier.every((c) => me.regionIds.includes(c.regionId))).toBe(true);
      expect(await overview.innerText()).toContain(String(summary.totals.schools));
      await shoot(page, 'dashboard-regional');
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("a provider sees its schools' compliance this year", async () => {
    const { context, page, problems } = await dashboardOf('provider@demo.test');
    try {
      const rows = (await apiAs<Row[]>(page, `/api/compliance${listQuery({ filter: { current: true } })}`)).json;
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) await page.locator('#main-content').getByText(row.schoolName).first().waitFor();
      await settle(page);
      await shoot(page, 'dashboard-provider');
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('a school reads each KPI against its threshold and drills down to the records it counts', async () => {
    const { context, page, problems } = await dashboardOf('school@demo.test');
    try {
      const [row] = (await apiAs<Row[]>(page, `/api/compliance${listQuery({ filter: { current: true } })}`)).json;
      expect(row).toBeDefined();
      await page.getByTestId('school-kpis').waitFor();
      await page.locator('[data-testid="school-kpis"] .recharts-line').first().waitFor();
      await settle(page);
      await shoot(page, 'dashboard-school');

      const instructors = page.getByTestId('kpi-card-certifiedInstructors');
      expect(await instructors.getByTestId('kpi-value').innerText()).toBe(String(row.kpis.certifiedInstructors.value));
      expect(await instructors.getAttribute('data-status')).toBe(row.kpis.certifiedInstructors.met ? 'met' : 'failing');

      // Instructors certified on the year's as-of day: the list holds exactly the KPI's count.
      await instructors.getByRole('link').first().click();
      await page.waitForURL(/#\/instructors\?/);
      expect(filterOf(page.url())).toEqual({ certifiedOn: row.asOf });
      await page.locator('.list-page tbody tr.RaDataTable-row').first().waitFor();
      await settle(page);
      expect(await listedTotal(page)).toBe(row.kpis.certifiedInstructors.value);

      // 1+X certificates issued in the year [from, to): the students counted hold them.
      await page.goto('/#/');
      const certificates = page.getByTestId('kpi-card-certificates'); // one card for the either/or pair, 1+X first (issue 17)
      await certificates.waitFor();
      await certificates.getByRole('link').first().click();
      await page.waitForURL(/#\/certificates\?/);
      const filter = filterOf(page.url());
      expect(filter).toEqual({ kind: '1x', issuedFrom: row.from, issuedBefore: row.to });
      await page.locator('.list-page tbody tr.RaDataTable-row').first().waitFor();
      await settle(page);
      const listed = await listedTotal(page);
      expect(listed).toBe((await apiAs(page, `/api/certificates${listQuery({ filter, range: [0, 0] })}`)).total);
      // One student may hold two 1+X certificates of the year; the KPI counts students.
      expect(listed).toBeGreaterThanOrEqual(row.kpis.certificates1x.value ?? 0);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('importing students from a CSV file', () => {
  it('refuses a file with a bad row as a whole, with the row and the problem, then imports the fixed file', async () => {
    const { context, page, problems } = await dashboardOf('school@demo.test');
    const header = 'studentNo,name,cohortYear,enrolledOn,leftOn,leftReason,major';
    const bad = `${header}\nE2E-IMP-001,测试甲,2025,,,,跨境电子商务\nE2E-IMP-002,测试乙,二〇二五,,,,跨境电子商务\n`;
    const fixed = bad.replace('二〇二五', '2025');
    const imported = async () => (await apiAs(page, `/api/students${listQuery({ filter: { q: 'E2E-IMP' }, range: [0, 0] })}`)).total;
    try {
      expect(await imported()).toBe(0);
      await page.goto('/#/students');
      await page.getByRole('link', { name: '导入' }).click();
      await page.waitForURL(/#\/students\/import/);
      await page.getByRole('button', { name: '下载 Excel 模板' }).waitFor();
      await page.locator('table[aria-label="template"]').waitFor();

      await page.locator('input[type="file"]').setInputFiles({ name: 'students.csv', mimeType: 'text/csv', buffer: Buffer.from(bad, 'utf8') });
      await page.getByText('2 行数据').waitFor();
      // The screen checks the file first (a dry run, nothing changed): the preview lists the refused row.
      const refused = page.waitForResponse((r) => r.url().includes('/api/students/import?dryRun=true') && r.request().method() === 'POST');
      await page.getByRole('button', { name: '检查文件', exact: true }).click();
      expect((await refused).status()).toBe(200);
      const report = page.getByTestId('import-preview');
      await report.waitFor();
      expect(await report.innerText()).toContain('1 行有问题，未导入任何记录');
      const problemRows = report.locator('tbody tr');
      expect(await problemRows.count()).toBe(1);
      const cells = await problemRows.first().locator('td').allInnerTexts();
      expect(cells[0]).toBe('3');
      expect(cells[1]).toBe('入学年份');
      expect(cells).toContain('E2E-IMP-002');
      expect(cells).toContain('二〇二五');
      await shoot(page, 'import-refused');
      expect(await imported()).toBe(0);

      await page.locator('input[type="file"]').setInputFiles({ name: 'students-fixed.csv', mimeType: 'text/csv', buffer: Buffer.from(fixed, 'utf8') });
      await page.getByText('students-fixed.csv').waitFor();
      await page.getByRole('button', { name: '检查文件', exact: true }).click();
      const accepted = page.waitForResponse((r) => r.url().endsWith('/api/students/import') && r.request().method() === 'POST');
      await page.getByTestId('import-preview').getByRole('button', { name: '确认导入', exact: true }).click();
      expect((await accepted).status()).toBe(200);
      await page.getByText('已导入 2 条记录').waitFor();
      await page.waitForURL(/#\/students(\?|$)/);
      expect(await imported()).toBe(2);
      const enrolled = (await apiAs<{ studentNo: string; enrolledOn: string }[]>(page, `/api/students${listQuery({ filter: { q: 'E2E-IMP' } })}`)).json;
      expect(enrolled.map((s) => s.enrolledOn)).toEqual(['2025-09-01', '2025-09-01']);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
