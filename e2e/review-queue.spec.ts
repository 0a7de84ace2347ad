import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { RunningServer } from './support/server.js';
import { startProduct, stopProduct } from './support/product.js';
import { newPage, screenshot, settle, signIn } from './support/browser.js';
import { DEMO_PASSWORD, demoAccounts, listQuery } from './support/api.js';

/**
 * issue 17 "Done when": a regional reviewer works a queue of three applications with the checklist
 * and lands on each next one. The East China reviewer opens the first application of their queue
 * (the demo data has at least three East China applications waiting for the region), sees the tier
 * policy's checklist and the school's history beside the plan, approves it, and lands on the next
 * one of the queue, three times; after the last one of the queue the screen says the queue is done.
 */

interface Row { id: number; schoolName: string; status: string }

let server: RunningServer;
let browser: Browser;
let context: BrowserContext | undefined;
let problems: string[] = [];

beforeAll(async () => ({ server, browser } = await startProduct()));
afterAll(async () => {
  await context?.close().catch(() => {});
  await stopProduct({ server, browser });
});

/** The queue as the list shows it by default: what waits for the reviewer, longest waiting first. */
async function queue(page: Page): Promise<Row[]> {
  const res = await page.request.get(`/api/applications${listQuery({ filter: { queue: true }, sort: ['waitingDays', 'DESC'], range: [0, 49] })}`);
  expect(res.status()).toBe(200);
  return (await res.json()) as Row[];
}

describe('a regional reviewer works their queue', () => {
  it('approves three applications with the checklist beside each, landing on the next one each time', async () => {
    const opened = await newPage(browser, server.baseUrl);
    context = opened.context;
    problems = opened.problems;
    const page = opened.page;
    await signIn(page, demoAccounts.east, DEMO_PASSWORD);

    const waiting = await queue(page);
    expect(waiting.length, 'the demo data has three East China applications waiting for the region').toBeGreaterThanOrEqual(3);
    expect(waiting.every((a) => a.status === 'pending_regional')).toBe(true);

    await page.getByRole('menuitem', { name: '申报', exact: true }).click();
    await settle(page);
    await page.getByTestId('queue-toggle-queue').waitFor();
    await page.getByRole('row').filter({ hasText: waiting[0].schoolName }).first().click();
    await page.waitForURL(new RegExp(`#/applications/${waiting[0].id}/show$`));

    for (let i = 0; i < 3; i += 1) {
      const current = waiting[i];
      await page.getByRole('heading', { level: 1, name: new RegExp(current.schoolName) }).waitFor({ timeout: 90_000 });
      // The checklist beside the plan: the tier policy's requirements against what the school submitted.
      const checklist = page.getByTestId('review-checklist');
      await checklist.getByTestId('check-certifiedInstructors').waitFor({ timeout: 90_000 });
      await checklist.getByTestId('check-certificates').waitFor();
      expect(await checklist.getByTestId('check-required-certifiedInstructors').textContent()).toBeTruthy();
      if (i === 0) {
        // The school's history is one click away.
        await page.getByTestId('school-history-open').click();
        const history = page.getByTestId('school-history');
        await history.getByTestId('history-applications').waitFor();
        await history.getByTestId('history-instructors').waitFor();
        await screenshot(page, 'review-queue-history');
        await page.getByRole('dialog').getByRole('button', { name: '关闭' }).click();
        await page.getByRole('dialog').waitFor({ state: 'detached' });
        await screenshot(page, 'review-queue-checklist');
      }

      await page.locator('[data-action="regional_approve"]').first().click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      const answered = page.waitForResponse((r) => r.url().includes(`/applications/${current.id}/actions/regional_approve`) && r.request().method() === 'POST');
      await dialog.getByTestId('workflow-confirm').click();
      expect((await answered).status()).toBe(200);
      await dialog.waitFor({ state: 'detached' });

      // The next item of the queue as it now stands (the approved one has left it), or "queue done".
      const next = waiting[i + 1];
      if (next) await page.waitForURL(new RegExp(`#/applications/${next.id}/show$`), { timeout: 90_000 });
      else await page.getByTestId('queue-done').waitFor({ timeout: 90_000 });
    }
    const left = await queue(page);
    expect(left.map((a) => a.id)).toEqual(waiting.slice(3).map((a) => a.id));
    if (!left.length) await page.getByTestId('queue-done').waitFor();
  });

  it('saw no page errors, no 5xx and no server error logs', () => {
    expect(problems).toEqual([]);
    expect(server.errorLogs()).toEqual([]);
  });
});
