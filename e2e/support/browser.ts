import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { screenshotDir } from './paths.js';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Headless Debian chromium; playwright-core makes its own temporary profile (no --user-data-dir).
 * `extraArgs` adds command-line switches (--ignore-certificate-errors for a test's self-signed TLS).
 */
export async function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(`No chromium at ${CHROMIUM_PATH}: install it (apt-get install -y chromium) or set CHROMIUM_PATH.`);
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...extraArgs,
    ],
  });
}

/**
 * A fresh context (its own cookies) on the product, as a Chinese-speaking desktop user would open
 * it. Page errors and failed API calls are collected so a test can assert there were none.
 */
export async function newPage(browser: Browser, baseUrl: string, opts: { locale?: string } = {}): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    locale: opts.locale ?? 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1366, height: 860 },
  });
  const page = await context.newPage();
  page.setDefaultTimeout(90_000);
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('response', (res) => {
    const url = new URL(res.url());
    // 401 on /api/auth/me before signing in is how the SPA learns it must show the login page.
    if (url.pathname.startsWith('/api/') && res.status() >= 500) problems.push(`${res.status()} ${url.pathname}`);
  });
  page.on('requestfailed', (req) => {
    const url = new URL(req.url());
    if (url.origin === new URL(baseUrl).origin && req.failure()?.errorText !== 'net::ERR_ABORTED') {
      problems.push(`request failed: ${req.method()} ${url.pathname} ${req.failure()?.errorText}`);
    }
  });
  return { context, page, problems };
}

/** The login form's inputs: react-admin's LoginForm names them username and password. */
const loginIdentifier = 'input[name="username"], input[name="email"], input[type="email"]';
const loginPassword = 'input[name="password"]';
/** An entry of react-admin's <Menu> (MenuItemLink: the dashboard and each resource). */
export const menuItemSelector = '.RaMenuItemLink-root';
/** The app bar's user menu button: its aria-label ends with ra.auth.user_menu in either language ("王芳 的个人资料"). */
const userMenuButton = 'header button[aria-label$="个人资料"], header button[aria-label$="Profile"]';

/** Opens the app and waits for the login page (the app redirects there without a session). */
export async function gotoLogin(page: Page): Promise<void> {
  await page.goto('/');
  await page.locator(loginIdentifier).first().waitFor({ state: 'visible', timeout: 90_000 });
}

/**
 * Signs in through the real login page: types the email and password, submits, and waits until the
 * app shell with its menu is shown.
 */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  const onLogin = await page.locator(loginIdentifier).first().isVisible().catch(() => false);
  if (!onLogin) await gotoLogin(page);
  await page.locator(loginIdentifier).first().fill(email);
  await page.locator(loginPassword).first().fill(password);
  const signedIn = page.waitForResponse((res) => res.url().endsWith('/api/auth/login') && res.request().method() === 'POST');
  await page.locator('form button[type="submit"]').first().click();
  const res = await signedIn;
  if (res.status() !== 200) throw new Error(`sign-in of ${email} failed: ${res.status()} ${await res.text()}`);
  await page.locator(menuItemSelector).first().waitFor({ state: 'visible', timeout: 90_000 });
  await page.locator(loginIdentifier).first().waitFor({ state: 'detached', timeout: 90_000 });
}

/** Signs out with the user menu's logout entry and waits for the login page. */
export async function signOut(page: Page): Promise<void> {
  await page.locator(userMenuButton).first().click();
  const loggedOut = page.waitForResponse((res) => res.url().endsWith('/api/auth/logout'));
  // react-admin's <Logout> menu item carries the class "logout".
  await page.locator('[role="menu"] .logout').first().click();
  await loggedOut;
  await page.locator(loginIdentifier).first().waitFor({ state: 'visible', timeout: 90_000 });
}

/** The visible texts of the main menu's entries, trimmed. */
export async function menuLabels(page: Page): Promise<string[]> {
  await page.locator(menuItemSelector).first().waitFor({ state: 'visible' });
  const texts = await page.locator(menuItemSelector).allInnerTexts();
  return texts.map((t) => t.replace(/\s+/g, ' ').trim()).filter(Boolean);
}

/** The main menu's links as routes: "#/schools" and "/schools" both give "/schools"; the dashboard is "/". */
export async function menuRoutes(page: Page): Promise<string[]> {
  const hrefs = await page.locator(menuItemSelector).evaluateAll((els) => els.map((a) => a.getAttribute('href') ?? ''));
  return hrefs.map((h) => {
    const route = h.replace(/^#/, '').replace(/[?#].*$/, '') || '/';
    return route.startsWith('/') ? route : `/${route}`;
  });
}

/** Saves a full-page screenshot as e2e/screenshots/<name>.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, `${name}.png`);
  // Park the pointer in a corner so that no tooltip (of a chart, say) is left open where it clicked.
  const size = page.viewportSize();
  if (size) await page.mouse.move(size.width - 2, size.height - 2);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * Waits until the screen has settled: no request in flight, no indeterminate progress indicator and no skeleton left
 * (KPI bars are determinate progress bars: those stay; so do the skeletons marked data-placeholder, which stand for a
 * section drawn only when it comes near the screen). A screen that keeps one longer than the wait is left as it is.
 */
export async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  for (const busy of ['[role="progressbar"]:not([aria-valuenow])', '.MuiSkeleton-root:not([data-placeholder])']) {
    await page.locator(busy).first().waitFor({ state: 'detached', timeout: 30_000 }).catch(() => {});
  }
  // What the finished loading started (a section's own read once its skeleton is gone).
  await page.waitForLoadState('networkidle');
}

/**
 * After a reviewer's workflow action the app moves on by itself (issue 17): to the next record of the
 * reviewer's queue, or it stays with the "queue done" notice. Waits for that landing, so that a test's
 * own navigation afterwards is not overtaken by the app's (a `goto` right after the action's answer
 * raced the app's queue look-up on a busy machine and was undone by it).
 */
export async function landedAfterReviewAction(page: Page, resource: 'applications' | 'agreements' | 'evaluations', id: number): Promise<void> {
  await page.waitForFunction(
    ([hash]) => location.hash.replace(/\?.*$/, '') !== hash || document.querySelector('[data-testid="queue-done"]') !== null,
    [`#/${resource}/${id}/show`],
  );
}
