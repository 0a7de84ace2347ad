import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { canAccess, type Role } from '@campus/common';
import { startServer, type RunningServer } from './support/server.js';
import { launchBrowser, menuRoutes, newPage, settle, signIn } from './support/browser.js';
import { DEMO_PASSWORD, listQuery } from './support/api.js';
import { screenshotDir } from './support/paths.js';

/**
 * WCAG 2.2 AA with axe-core on every main screen of every role (issue 16 items 1 and 5): the
 * dashboard, each list of the menu, a show page, a create form, an edit form, a workflow dialog
 * open, the import page and the notification list. One server, one browser, one sign-in per role.
 * Any serious or critical violation fails the role's test; every violation found (any impact) is
 * counted per rule into e2e/screenshots/axe-summary.json and printed, for the report's before/after.
 */

const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const axeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

interface Found {
  screen: string;
  rule: string;
  impact: string;
  nodes: number;
  targets: string[];
}

const accounts: { email: string; role: Role }[] = [
  { email: 'hq@demo.test', role: 'hq' },
  { email: 'east@demo.test', role: 'regional' },
  { email: 'school@demo.test', role: 'school' },
  { email: 'provider@demo.test', role: 'provider' },
];

/** Resources whose records carry allowedActions (a workflow dialog to open), in the order tried. */
const workflowResources = ['applications', 'agreements', 'evaluations', 'provider-reports', 'content-proposals', 'feedback', 'join-requests'];
/** Resources with an import page (web/src/resources/<name>/index.ts importRoute), in the order tried. */
const importResources = ['students', 'schools', 'users', 'certificates', 'practice-records', 'instructors', 'course-completions', 'job-registrations'];

let server: RunningServer;
let browser: Browser;
const found: Found[] = [];
let screens = 0;

beforeAll(async () => {
  // E2E_WEB_DIST: serve another build of the SPA (a private one that no other run rebuilds meanwhile, or the
  // build before a change, to measure it), as it is. A first start (migrations, the demo seed) takes
  // minutes on a loaded machine: a long deadline.
  server = await startServer({ timeoutMs: 540_000, ...(process.env.E2E_WEB_DIST ? { env: { WEB_DIST: process.env.E2E_WEB_DIST } } : {}) });
  browser = await launchBrowser();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  const byRule = new Map<string, { impact: string; nodes: number; screens: number }>();
  for (const f of found) {
    const r = byRule.get(f.rule) ?? { impact: f.impact, nodes: 0, screens: 0 };
    r.nodes += f.nodes;
    r.screens += 1;
    byRule.set(f.rule, r);
  }
  const summary = {
    screens,
    rules: byRule.size,
    nodes: [...byRule.values()].reduce((s, r) => s + r.nodes, 0),
    byRule: Object.fromEntries([...byRule.entries()].sort((a, b) => b[1].nodes - a[1].nodes)),
    found,
  };
  fs.mkdirSync(screenshotDir, { recursive: true });
  fs.writeFileSync(path.join(screenshotDir, 'axe-summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
  console.log(`axe: ${summary.screens} screens, ${summary.rules} rules, ${summary.nodes} nodes`, summary.byRule);
});

/** Runs axe on the page as it is (injected once per document) and records what it found. */
async function audit(page: Page, screen: string): Promise<Found[]> {
  await settle(page);
  const has = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined');
  if (!has) {
    await page.evaluate(axeSource);
    // Colours are measured as they end, not halfway through MUI's 250 ms transitions (a button that
    // was just enabled fades from grey to its colour).
    await page.addStyleTag({ content: '*, *::before, *::after { transition: none !important; animation: none !important; }' });
  }
  const violations = await page.evaluate(async (tags) => {
    type Node = { target: unknown[]; any?: { data?: { fgColor?: string; bgColor?: string; contrastRatio?: number } }[] };
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; impact: string | null; nodes: Node[] }[] }> } }).axe;
    const res = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    // A contrast finding says its colours and ratio.
    const said = (n: Node) => {
      const d = n.any?.[0]?.data;
      return d?.contrastRatio ? `${JSON.stringify(n.target)} ${d.fgColor} on ${d.bgColor} ${d.contrastRatio}:1` : JSON.stringify(n.target);
    };
    return res.violations.map((v) => ({ id: v.id, impact: v.impact ?? 'unknown', targets: v.nodes.map(said) }));
  }, axeTags);
  screens += 1;
  const here = violations.map((v) => ({ screen, rule: v.id, impact: v.impact, nodes: v.targets.length, targets: v.targets.slice(0, 5) }));
  found.push(...here);
  return here;
}

/**
 * Opens a route of the signed-in app and waits until its page replaced the one before (a hash change
 * answers at once, while the old page is still drawn) and has settled.
 */
async function go(page: Page, route: string) {
  const marked = await page.evaluate(() => {
    const old = document.querySelector('#main-content > *');
    old?.setAttribute('data-a11y-previous', '');
    return !!old;
  });
  await page.goto(`/#${route}`);
  if (marked) {
    await page.locator('[data-a11y-previous]').waitFor({ state: 'detached', timeout: 30_000 }).catch(() => console.warn(`${route}: the previous page stayed in place`));
  }
  await settle(page);
}

async function firstId(page: Page, resource: string, filter: Record<string, unknown> = {}): Promise<number | undefined> {
  const res = await page.request.get(`/api/${resource}${listQuery({ range: [0, 24], filter })}`);
  if (res.status() !== 200) return undefined;
  const rows = (await res.json()) as { id: number; allowedActions?: string[] }[];
  return rows[0]?.id;
}

/** A record of a workflow resource the user may act on now, as [resource, id, action]. */
async function actionable(page: Page, role: Role): Promise<[string, number, string] | undefined> {
  for (const resource of workflowResources) {
    if (!canAccess(role, resource, 'list')) continue;
    const res = await page.request.get(`/api/${resource}${listQuery({ range: [0, 49] })}`);
    if (res.status() !== 200) continue;
    const rows = (await res.json()) as { id: number; allowedActions?: string[] }[];
    const row = rows.find((r) => r.allowedActions?.length);
    if (row) return [resource, row.id, row.allowedActions![0]];
  }
  return undefined;
}

const serious = (list: Found[]) => list.filter((f) => f.impact === 'serious' || f.impact === 'critical');

describe.each(accounts)('axe on the screens of $email', ({ email, role }) => {
  it(`${role}: no serious or critical WCAG 2.2 AA violation`, async () => {
    const { context, page, problems } = await newPage(browser, server.baseUrl);
    const bad: Found[] = [];
    const titles = new Map<string, string>();
    const check = async (screen: string) => {
      bad.push(...serious(await audit(page, `${role} ${screen}`)));
      // The tab's title follows the page's own (react-admin's title in the app bar).
      const inStep = () => page.evaluate(() => {
        const shown = document.getElementById('react-admin-title')?.textContent?.replace(/\s+/g, ' ').trim();
        return !shown || document.title.startsWith(shown);
      });
      await expect.poll(inStep, { timeout: 90_000, message: `${screen}: document title in step with the page's` }).toBe(true);
      titles.set(screen, await page.title());
    };
    try {
      await page.goto('/');
      await check('login');
      await signIn(page, email, DEMO_PASSWORD);
      await settle(page);
      await check('dashboard');

      const routes = (await menuRoutes(page)).filter((r) => r !== '/');
      for (const route of routes) {
        await go(page, route);
        await check(`list ${route}`);
      }

      // A show page and an edit form: the first school of the scope (every role lists schools).
      const schoolId = await firstId(page, 'schools');
      if (schoolId) {
        await go(page, `/schools/${schoolId}/show`);
        await check('show /schools');
        if (canAccess(role, 'schools', 'edit')) {
          await go(page, `/schools/${schoolId}`);
          await check('edit /schools');
        }
      }
      // A create form: the first resource of the menu the role may create.
      const creatable = routes.map((r) => r.slice(1)).find((name) => canAccess(role, name, 'create'));
      if (creatable) {
        await go(page, `/${creatable}/create`);
        await check(`create /${creatable}`);
      }
      // The import page of the first importable resource.
      const importable = importResources.find((name) => canAccess(role, name, 'create') && routes.includes(`/${name}`));
      if (importable) {
        await go(page, `/${importable}/import`);
        await check(`import /${importable}`);
      }
      // A workflow dialog open on a record the user may act on now.
      const target = await actionable(page, role);
      if (target) {
        const [resource, id, action] = target;
        await go(page, `/${resource}/${id}/show`);
        await page.locator(`[data-action="${action}"]`).first().click();
        await page.getByRole('dialog').waitFor();
        await check(`dialog ${resource} ${action}`);
        await page.keyboard.press('Escape');
        await page.getByRole('dialog').waitFor({ state: 'detached' });
        // Focus goes back to something meaningful, not to <body>.
        await expect.poll(() => page.evaluate(() => document.activeElement?.tagName), { timeout: 90_000 }).not.toBe('BODY');
      }
      // The notification list (in the menu of some roles; reachable by the bell for all).
      if (!routes.includes('/notifications')) {
        await go(page, '/notifications');
        await check('list /notifications');
      }
      expect(problems).toEqual([]);
      expect(bad, JSON.stringify(bad, null, 1)).toEqual([]);
      // One title per screen: the page's own, never react-admin's default; the lists each their own.
      for (const [screen, title] of titles) expect(title, screen).not.toMatch(/React Admin/);
      const lists = [...titles].filter(([screen]) => screen.startsWith('list '));
      expect(new Set(lists.map(([, title]) => title)).size, JSON.stringify(lists)).toBe(lists.length);
    } finally {
      await context.close();
    }
  }, 300_000);
});
