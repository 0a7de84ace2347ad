import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { canAccess } from '@campus/common';
import type { Role } from '@campus/common';
import { startServer, type RunningServer } from './support/server.js';
import { gotoLogin, launchBrowser, menuLabels, menuRoutes, newPage, screenshot, settle, signIn, signOut } from './support/browser.js';
import { DEMO_PASSWORD, listQuery, type Me } from './support/api.js';

/**
 * First start of the product on an empty embedded database (migrations and the demo data set), then
 * each demo account signs in through the real login page, finds the menu its role should see, opens
 * the schools list within its scope, and signs out. The UI is Chinese unless the user picks English.
 * Screenshots: e2e/screenshots/login.png, signed-in-<account>.png (the landing dashboard) and
 * schools-<account>.png; the README's dashboard picture comes from compliance.spec.ts.
 */

/** The menu labels of web/src/i18n (zh.ts and en.ts: resources.<name>.name, plural). */
const labels: Record<string, { zh: string; en: string }> = {
  schools: { zh: '院校', en: 'Schools' },
  'tier-policies': { zh: '层次政策', en: 'Tier policies' },
  regions: { zh: '大区', en: 'Regions' },
  'audit-events': { zh: '操作日志', en: 'Audit log' },
  users: { zh: '用户', en: 'Users' },
};
const dashboardLabel = { zh: '工作台', en: 'Dashboard' };
const roleLabel: Record<Role, string> = { hq: '总部', regional: '大区', school: '院校', provider: '服务商' };

const accounts: { key: string; email: string; role: Role; sees: string[]; doesNotSee: string[] }[] = [
  { key: 'hq', email: 'hq@demo.test', role: 'hq', sees: ['用户', '层次政策', '院校', '大区', '操作日志'], doesNotSee: [] },
  { key: 'east', email: 'east@demo.test', role: 'regional', sees: ['院校', '层次政策', '操作日志', '用户'], doesNotSee: [] },
  { key: 'south', email: 'south@demo.test', role: 'regional', sees: ['院校', '层次政策', '操作日志', '用户'], doesNotSee: [] },
  { key: 'school', email: 'school@demo.test', role: 'school', sees: ['院校', '层次政策'], doesNotSee: ['用户'] },
  { key: 'school2', email: 'school2@demo.test', role: 'school', sees: ['院校', '层次政策'], doesNotSee: ['用户'] },
  { key: 'provider', email: 'provider@demo.test', role: 'provider', sees: ['院校'], doesNotSee: ['用户', '操作日志'] },
];

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer({ template: false });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function apiAs<T>(page: Page, pathAndQuery: string): Promise<{ status: number; json: T; total?: number }> {
  // page.request shares the browser context's cookies: this is the signed-in user's view.
  const res = await page.request.get(pathAndQuery);
  const range = res.headers()['content-range'];
  return { status: res.status(), json: (await res.json().catch(() => undefined)) as T, total: range ? Number(range.split('/').pop()) : undefined };
}

describe('first start on an empty embedded database', () => {
  it('answers health on the embedded database and serves the Chinese login page', async () => {
    expect(server.health).toEqual({ status: 'ok', database: 'embedded' });
    const { context, page, problems } = await newPage(browser, server.baseUrl);
    try {
      await gotoLogin(page);
      await expect(page.title()).resolves.toContain('校企合作管理平台');
      await page.getByRole('heading', { name: '校企合作管理平台' }).waitFor();
      await page.getByLabel('邮箱').first().waitFor();
      await page.getByRole('button', { name: '登录' }).waitFor();
      await screenshot(page, 'login');
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('the sign-in page loads under 250 kB of scripts, compressed, its hashed scripts cached as immutable (issue 16 item 4)', async () => {
    const { context, page } = await newPage(browser, server.baseUrl);
    try {
      const scripts: { path: string; encoding?: string; cache?: string; bytes: Promise<number> }[] = [];
      page.on('response', (res) => {
        if (res.request().resourceType() !== 'script') return;
        const headers = res.headers();
        // What travelled on the wire: the encoded body, as Lighthouse counts "transferred".
        scripts.push({ path: new URL(res.url()).pathname, encoding: headers['content-encoding'], cache: headers['cache-control'], bytes: res.request().sizes().then((s) => s.responseBodySize) });
      });
      await gotoLogin(page);
      await page.waitForLoadState('networkidle');
      const sizes = await Promise.all(scripts.map((s) => s.bytes));
      const total = sizes.reduce((sum, n) => sum + n, 0);
      console.log(`[sign-in page] ${scripts.length} scripts, ${total} bytes transferred (${[...new Set(scripts.map((s) => s.encoding))].join(', ')})`);
      expect(scripts.length).toBeGreaterThan(0);
      const listed = scripts.map((script, i) => ({ path: script.path, encoding: script.encoding ?? 'none', cache: script.cache ?? 'none', bytes: sizes[i] }));
      // Every script is sent compressed but the few under 512 bytes, which the build leaves as they are (web/scripts/compress-dist.mjs).
      expect(listed.filter((s) => !/^(br|gzip)$/.test(s.encoding) && s.bytes >= 512)).toEqual([]);
      expect(listed.filter((s) => !/immutable/.test(s.cache))).toEqual([]);
      expect(total).toBeLessThan(250_000);
    } finally {
      await context.close();
    }
  });

  it('a wrong password is refused on the login page with a message, and nobody is signed in', async () => {
    const { context, page } = await newPage(browser, server.baseUrl);
    try {
      await gotoLogin(page);
      await page.locator('input[name="email"]').fill('hq@demo.test');
      await page.locator('input[name="password"]').fill('not-the-password');
      await page.getByRole('button', { name: '登录' }).click();
      const alert = page.getByRole('alert');
      await alert.waitFor();
      expect(await alert.innerText()).toContain('登录失败');
      expect((await apiAs(page, '/api/auth/me')).status).toBe(401);
    } finally {
      await context.close();
    }
  });
});

describe.each(accounts)('$email signs in through the login page', ({ key, email, role, sees, doesNotSee }) => {
  it(`sees the ${role} menu, the schools of its scope, and signs out`, async () => {
    const { context, page, problems } = await newPage(browser, server.baseUrl);
    try {
      await signIn(page, email, DEMO_PASSWORD);
      const me = await apiAs<Me>(page, '/api/auth/me');
      expect(me.status).toBe(200);
      expect(me.json.role).toBe(role);

      // The app bar says who is signed in, as what.
      const currentUser = page.getByTestId('current-user');
      await currentUser.waitFor();
      expect(await currentUser.innerText()).toContain(me.json.name);
      expect(await currentUser.innerText()).toContain(roleLabel[role]);

      // The menu: the dashboard, then every resource whose list the role may open, and no other.
      const shown = await menuLabels(page);
      expect(shown).toContain(dashboardLabel.zh);
      for (const label of sees) expect(shown, `${email} should see ${label}`).toContain(label);
      for (const label of doesNotSee) expect(shown, `${email} should not see ${label}`).not.toContain(label);
      for (const [resource, label] of Object.entries(labels)) {
        expect(shown.includes(label.zh), `${resource} in the menu of ${role}`).toBe(canAccess(role, resource, 'list'));
      }
      const routes = await menuRoutes(page);
      expect(routes).toContain('/');
      for (const route of routes.filter((r) => r !== '/')) {
        const resource = route.split('/')[1];
        expect(canAccess(role, resource, 'list'), `${role} may list ${resource} (menu entry ${route})`).toBe(true);
      }

      await settle(page);
      if (role === 'school' || role === 'provider') {
        // Their dashboard names their school(s): its own for a school, the assigned ones for a provider.
        const mine = await apiAs<{ name: string }[]>(page, `/api/schools${listQuery({ range: [0, 9] })}`);
        expect(mine.json.length).toBeGreaterThan(0);
        for (const school of mine.json) await page.locator('#main-content').getByText(school.name, { exact: true }).first().waitFor();
      }
      await screenshot(page, `signed-in-${key}`);

      // The schools list shows exactly the first page of what the API gives this user.
      await page.locator('.RaMenuItemLink-root').filter({ hasText: new RegExp(`^\\s*${labels.schools.zh}\\s*$`) }).first().click();
      await page.waitForURL(/schools/);
      const rows = page.locator('.list-page tbody tr.RaDataTable-row');
      await rows.first().waitFor();
      await settle(page);
      const expected = await apiAs<{ id: number; name: string; regionId: number }[]>(page, `/api/schools${listQuery({ sort: ['name', 'ASC'], range: [0, 24] })}`);
      expect(expected.status).toBe(200);
      const rowTexts = await rows.allInnerTexts();
      expect(rowTexts).toHaveLength(expected.json.length);
      expected.json.forEach((school, i) => expect(rowTexts[i]).toContain(school.name));

      if (role === 'school') {
        // A school user sees its own school, and only that one.
        expect(expected.total).toBe(1);
        expect(expected.json[0].id).toBe(me.json.schoolId);
      }
      if (role === 'regional') {
        expect(me.json.regionIds.length).toBeGreaterThan(0);
        expect(expected.json.every((s) => me.json.regionIds.includes(s.regionId))).toBe(true);
      }
      if (role === 'provider') {
        expect(expected.total).toBeGreaterThan(0);
      }
      await screenshot(page, `schools-${key}`);

      await signOut(page);
      expect((await apiAs(page, '/api/auth/me')).status).toBe(401);
      // With the session gone, a deep link leads back to the login page.
      await page.goto('/#/schools');
      await page.locator('input[name="email"]').waitFor();
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('the demo scope seen from the API', () => {
  it('east@demo.test sees only East China schools, school@demo.test and provider@demo.test the same one school', async () => {
    const { context, page } = await newPage(browser, server.baseUrl);
    try {
      const signInApi = async (email: string) => {
        await context.clearCookies();
        const res = await page.request.post('/api/auth/login', { data: { email, password: DEMO_PASSWORD } });
        expect(res.status(), email).toBe(200);
      };
      await signInApi('hq@demo.test');
      const regions = (await apiAs<{ id: number; code: string; nameEn: string }[]>(page, `/api/regions${listQuery({ range: [0, 99] })}`)).json;
      const eastRegion = regions.find((r) => r.code === 'east' || r.nameEn === 'East China');
      expect(eastRegion).toBeDefined();
      const eastTotal = (await apiAs(page, `/api/schools${listQuery({ range: [0, 0], filter: { regionId: eastRegion!.id } })}`)).total;

      await signInApi('east@demo.test');
      const east = await apiAs<{ regionId: number }[]>(page, `/api/schools${listQuery({ range: [0, 999] })}`);
      expect(east.total).toBe(eastTotal);
      expect(east.json.every((s) => s.regionId === eastRegion!.id)).toBe(true);

      await signInApi('school@demo.test');
      const own = await apiAs<{ id: number; regionId: number; tier: string }[]>(page, `/api/schools${listQuery({ range: [0, 99] })}`);
      expect(own.total).toBe(1);
      expect(own.json[0]).toMatchObject({ regionId: eastRegion!.id, tier: 'industry_college' });

      await signInApi('provider@demo.test');
      const assigned = await apiAs<{ id: number }[]>(page, `/api/schools${listQuery({ range: [0, 99] })}`);
      expect(assigned.json.map((s) => s.id)).toEqual([own.json[0].id]);

      await signInApi('school2@demo.test');
      const other = await apiAs<{ regionId: number; tier: string }[]>(page, `/api/schools${listQuery({ range: [0, 99] })}`);
      const south = regions.find((r) => r.code === 'south' || r.nameEn === 'South China');
      expect(other.json).toHaveLength(1);
      expect(other.json[0]).toMatchObject({ regionId: south!.id, tier: 'talent_base' });
    } finally {
      await context.close();
    }
  });
});

describe('in English', () => {
  it('the language picked on the login page is used after signing in: hq sees Users and Tier policies', async () => {
    const { context, page, problems } = await newPage(browser, server.baseUrl);
    try {
      await gotoLogin(page);
      // react-admin's LocalesMenuButton: the button shows the current language, the menu lists both.
      await page.getByRole('button', { name: /中文/ }).first().click();
      await page.getByRole('menuitem', { name: 'English' }).click();
      await page.getByRole('button', { name: 'Sign in' }).waitFor();
      await signIn(page, 'hq@demo.test', DEMO_PASSWORD);
      const shown = await menuLabels(page);
      expect(shown).toEqual(expect.arrayContaining([dashboardLabel.en, labels.users.en, labels['tier-policies'].en, labels.schools.en]));
      expect(shown).not.toContain(labels.users.zh);
      await settle(page);
      await screenshot(page, 'signed-in-hq-en');
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('the server', () => {
  it('logged no errors during these journeys', () => {
    expect(server.errorLogs()).toEqual([]);
  });
});
