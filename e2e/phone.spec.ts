import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { canAccess, type Role } from '@campus/common';
import { startServer, type RunningServer } from './support/server.js';
import { gotoLogin, launchBrowser, settle } from './support/browser.js';
import { DEMO_PASSWORD } from './support/api.js';
import { screenshotDir } from './support/paths.js';

/**
 * Phones (issue 16 items 2 and 5): at 360 px and 390 px wide, every main screen of each role (the
 * dashboard, each list of its menu, a show, a form, a dialog, the import page) fits the screen: the
 * document never scrolls sideways. An overflow names the elements that stick out. The app bar's
 * controls (the bell, the language switch, the user menu) stay reachable. One server, one browser,
 * one sign-in per role; the widths measured are written to e2e/screenshots/phone-overflow.json.
 */

const WIDTHS = [360, 390] as const;
const HEIGHT = 740;

const accounts: { email: string; role: Role; show: string[]; form: string[]; importPage: string[] }[] = [
  { email: 'school@demo.test', role: 'school', show: ['students', 'practice-records'], form: ['practice-records', 'students'], importPage: ['students', 'practice-records'] },
  { email: 'provider@demo.test', role: 'provider', show: ['provider-reports', 'schools'], form: ['provider-reports', 'practice-records'], importPage: ['practice-records'] },
  { email: 'hq@demo.test', role: 'hq', show: ['schools'], form: ['schools'], importPage: ['schools'] },
  { email: 'east@demo.test', role: 'regional', show: ['schools'], form: ['users'], importPage: ['users'] },
];

let server: RunningServer;
let browser: Browser;
const measured: Record<string, Record<string, Record<number, number>>> = {};

beforeAll(async () => {
  // PHONE_WEB_DIST=<folder> measures another build of the SPA (one made before a change, say) instead of web/dist.
  server = await startServer(process.env.PHONE_WEB_DIST ? { web: false, env: { WEB_DIST: process.env.PHONE_WEB_DIST } } : {});
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  fs.mkdirSync(screenshotDir, { recursive: true });
  fs.writeFileSync(path.join(screenshotDir, 'phone-overflow.json'), `${JSON.stringify(measured, null, 2)}\n`);
});

async function phonePage(): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext({
    baseURL: server.baseUrl,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: WIDTHS[0], height: HEIGHT },
  });
  const page = await context.newPage();
  page.setDefaultTimeout(90_000);
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('response', (res) => {
    if (new URL(res.url()).pathname.startsWith('/api/') && res.status() >= 500) problems.push(`${res.status()} ${res.url()}`);
  });
  return { context, page, problems };
}

/** Waits until the screen has settled (support/browser.ts) and has been drawn. */
async function settleDrawn(page: Page) {
  await settle(page);
  // The screen itself has been drawn (lazy pages show a progress indicator until their code arrives).
  await page.waitForFunction(() => (document.querySelector('#main-content, main')?.textContent ?? '').trim().length > 0);
  await page.waitForLoadState('networkidle');
}

/**
 * How wide the document is against the window, and when wider, the elements that stick out and hold
 * nothing that sticks out (where the overflow comes from), widest first: tag, classes, a little text, right edge.
 * Also what sticks out past the left edge (a right-aligned toolbar too wide for the screen), which no scrolling reaches.
 */
async function overflow(page: Page): Promise<{ scrollWidth: number; innerWidth: number; culprits: string[]; leftOut: string[] }> {
  return page.evaluate(() => {
    const innerWidth = window.innerWidth;
    const scrollWidth = document.documentElement.scrollWidth;
    const describe = (el: Element, edge: string) => {
      const cls = (typeof el.className === 'string' ? el.className : '').split(/\s+/).filter((c) => c && !c.startsWith('css-')).slice(0, 3).join('.');
      const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 24);
      return `${el.tagName.toLowerCase()}${cls ? `.${cls}` : ''} ${edge} "${text}"`;
    };
    const shown = (el: Element) => {
      const style = getComputedStyle(el);
      return style.position !== 'fixed' && style.visibility !== 'hidden' && style.display !== 'none' && style.opacity !== '0';
    };
    const culprits: { right: number; text: string }[] = [];
    if (scrollWidth > innerWidth) {
      const right = (el: Element) => el.getBoundingClientRect().right;
      for (const el of Array.from(document.body.querySelectorAll('*'))) {
        if (right(el) <= innerWidth + 0.5 || Array.from(el.children).some((c) => right(c) > innerWidth + 0.5) || !shown(el)) continue;
        culprits.push({ right: right(el), text: describe(el, `right=${Math.round(right(el))}`) });
      }
    }
    culprits.sort((a, b) => b.right - a.right);
    const leftOut: string[] = [];
    for (const el of Array.from(document.querySelectorAll('header *, #main-content *'))) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.left >= -1 || !shown(el)) continue;
      // Inside a box that scrolls or clips sideways (and starts on the screen) it is reachable or meant to be hidden.
      let parent = el.parentElement;
      let inBox = false;
      while (parent && parent !== document.body && !inBox) {
        if (getComputedStyle(parent).overflowX !== 'visible') inBox = parent.getBoundingClientRect().left >= -1;
        parent = parent.parentElement;
      }
      if (!inBox) leftOut.push(describe(el, `left=${Math.round(box.left)}`));
      if (leftOut.length >= 3) break;
    }
    return { scrollWidth, innerWidth, culprits: culprits.slice(0, 4).map((c) => c.text), leftOut };
  });
}

/** Measures the current screen at every width (the first width last, where the next screen opens). */
async function measure(page: Page, who: string, screen: string, failures: string[]) {
  const row = ((measured[who] ??= {})[screen] ??= {});
  for (const width of [...WIDTHS.slice(1), WIDTHS[0]]) {
    await page.setViewportSize({ width, height: HEIGHT });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const { scrollWidth, innerWidth, culprits, leftOut } = await overflow(page);
    row[width] = scrollWidth;
    if (scrollWidth > innerWidth) failures.push(`${screen} at ${width} px is ${scrollWidth} px wide: ${culprits.join(' | ')}`);
    if (leftOut.length) failures.push(`${screen} at ${width} px cuts off on the left: ${leftOut.join(' | ')}`);
  }
}

async function go(page: Page, route: string) {
  await page.evaluate((r) => {
    window.location.hash = `#${r}`;
  }, route);
  await page.waitForFunction((r) => window.location.hash.replace(/\?.*$/, '') === `#${r}`, route);
  await settleDrawn(page);
}

/** The main menu's routes, read from the menu drawer that the app bar's button opens on a phone. */
async function menuRoutes(page: Page): Promise<string[]> {
  await page.locator('header button').first().click();
  const items = page.locator('.RaMenuItemLink-root');
  await items.first().waitFor({ state: 'visible' });
  const hrefs = await items.evaluateAll((els) => els.map((a) => a.getAttribute('href') ?? ''));
  await page.keyboard.press('Escape');
  await items.first().waitFor({ state: 'hidden' }).catch(() => {});
  return [...new Set(hrefs.map((h) => h.replace(/^#/, '').replace(/[?#].*$/, '') || '/'))];
}

/** A visible element lies entirely within the window. */
async function inView(page: Page, selector: string): Promise<boolean> {
  const loc = page.locator(selector).first();
  if (!(await loc.isVisible().catch(() => false))) return false;
  const box = await loc.boundingBox();
  const width = page.viewportSize()!.width;
  return !!box && box.x >= 0 && box.x + box.width <= width + 0.5;
}

async function firstId(page: Page, resource: string): Promise<number | string | undefined> {
  const res = await page.request.get(`/api/${resource}?range=${encodeURIComponent('[0,0]')}`);
  if (res.status() !== 200) return undefined;
  const rows = (await res.json()) as { id: number | string }[];
  return rows[0]?.id;
}

describe.each(accounts)('on a phone, $email', ({ email, role, show, form, importPage }) => {
  it(`(${role}) sees every main screen fit ${WIDTHS.join(' and ')} px with the app bar's controls in reach`, async () => {
    const { context, page, problems } = await phonePage();
    const failures: string[] = [];
    try {
      await gotoLogin(page);
      await measure(page, email, 'login', failures);
      await page.locator('input[name="email"], input[name="username"]').first().fill(email);
      await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
      const signedIn = page.waitForResponse((res) => res.url().endsWith('/api/auth/login') && res.request().method() === 'POST');
      await page.locator('form button[type="submit"]').first().click();
      expect((await signedIn).status()).toBe(200);
      await page.locator('header').first().waitFor();
      await settleDrawn(page);
      await measure(page, email, 'dashboard', failures);

      // The app bar: the bell and the user menu in the window, the language switch in it or in the user menu.
      const bell = '[data-testid="notification-bell"]';
      if (canAccess(role, 'notifications', 'list') && !(await inView(page, bell))) failures.push('the bell is off the screen');
      const userMenu = 'header .user-menu button, header button[aria-label="个人资料"]';
      if (!(await inView(page, userMenu))) failures.push('the user menu button is off the screen');
      await page.locator(userMenu).first().click();
      const menu = page.locator('[role="menu"]').last();
      await menu.waitFor();
      if (!(await menu.getByText('English').first().isVisible())) failures.push('no language switch in the user menu');
      await measure(page, email, 'user menu', failures);
      // The dialog: the change of password, from the user menu.
      await menu.locator('[role="menuitem"]').filter({ hasText: /密码/ }).first().click();
      const dialog = page.locator('[role="dialog"]').last();
      await dialog.waitFor();
      if (!(await inView(page, '.MuiDialog-paper'))) failures.push('the dialog does not fit the screen');
      await measure(page, email, 'dialog: change password', failures);
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      // The user menu may stay open under the dialog: close it too.
      if (await page.locator('[role="menu"]:visible').count()) await page.keyboard.press('Escape');
      await page.locator('[role="menu"]:visible').first().waitFor({ state: 'detached' });

      for (const route of await menuRoutes(page)) {
        if (route === '/') continue;
        await go(page, route);
        await measure(page, email, route, failures);
      }

      const showOf = show.find((r) => canAccess(role, r, 'show'));
      const id = showOf ? await firstId(page, showOf) : undefined;
      if (showOf && id !== undefined) {
        await go(page, `/${showOf}/${id}/show`);
        await measure(page, email, `/${showOf}/:id/show`, failures);
      }
      const formOf = form.find((r) => canAccess(role, r, 'create'));
      if (formOf) {
        await go(page, `/${formOf}/create`);
        await page.locator('form').first().waitFor();
        await measure(page, email, `/${formOf}/create`, failures);
      }
      if (role === 'school') {
        const application = await firstId(page, 'applications');
        if (application !== undefined) {
          await go(page, `/applications/${application}`);
          await measure(page, email, '/applications/:id (edit)', failures);
        }
      }
      const importOf = importPage.find((r) => canAccess(role, r, 'import'));
      if (importOf) {
        await go(page, `/${importOf}/import`);
        await measure(page, email, `/${importOf}/import`, failures);
      }
      console.log(`[phone] ${email}: ${JSON.stringify(measured[email])}`);
      if (failures.length) console.log(`[phone] ${email} failures:\n${failures.join('\n')}`);
      expect(failures, `screens of ${email} wider than the phone`).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 360_000); // HQ opens some thirty screens, each at two widths
});
