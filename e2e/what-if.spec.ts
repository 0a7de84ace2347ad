import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { RunningServer } from './support/server.js';
import { startProduct, stopProduct } from './support/product.js';
import { newPage, screenshot, signIn } from './support/browser.js';
import { DEMO_PASSWORD } from './support/api.js';

/**
 * HQ's what-if names the schools that flip (issue 17 item 5), against the demo data: HQ raises a
 * threshold on the edit screen of a tier policy, previews it, and the panel lists, by region and
 * tier, exactly the schools the server says would flip, each linked to its school; following a link
 * with the edit unsaved asks first, and nothing was saved. The policy and the threshold are found
 * through the API (the first policy whose job-fair threshold, raised, fails a school that passes now).
 */

let server: RunningServer;
let browser: Browser;

beforeAll(async () => ({ server, browser } = await startProduct()));
afterAll(() => stopProduct({ server, browser }));

interface Policy { id: number; tier: string; version: number; jobFairs: number | null }
interface Flip { schoolId: number; schoolName: string; regionId: number; tier: string; flip: 'pass_to_fail' | 'fail_to_pass' | null }

describe('the tier policy what-if', () => {
  it('HQ sees which schools an edit would flip, each a link to the school, and leaving unsaved asks first', async () => {
    const { context, page, problems } = await newPage(browser, server.baseUrl);
    try {
      await signIn(page, 'hq@demo.test', DEMO_PASSWORD);
      const policies = (await (await page.request.get('/api/tier-policies?range=[0,99]')).json()) as Policy[];
      let chosen: { policy: Policy; jobFairs: number; flips: Flip[] } | undefined;
      for (const policy of policies.filter((p) => p.jobFairs !== null)) {
        const jobFairs = policy.jobFairs! + 50;
        const res = await page.request.post(`/api/tier-policies/${policy.id}/what-if`, { data: { version: policy.version, jobFairs } });
        expect(res.status()).toBe(200);
        const flips = ((await res.json()) as { schools: Flip[] }).schools.filter((s) => s.flip);
        if (flips.length) { chosen = { policy, jobFairs, flips }; break; }
      }
      if (!chosen) throw new Error('no demo tier policy has a school that passes its job-fair threshold now');
      const { policy, jobFairs, flips } = chosen;

      await page.goto(`/#/tier-policies/${policy.id}`);
      const fairs = page.locator('input[name="jobFairs"]');
      await expect.poll(() => fairs.inputValue(), { timeout: 90_000 }).toBe(String(policy.jobFairs));
      await fairs.fill(String(jobFairs));
      await page.getByRole('button', { name: '预览影响' }).click();

      const listed = page.getByTestId('what-if-flips').locator('li[data-school]');
      await listed.first().waitFor({ timeout: 90_000 });
      const shown = await listed.evaluateAll((items) => items.map((li) => ({ id: Number(li.getAttribute('data-school')), flip: li.getAttribute('data-flip') })));
      expect(shown.map((s) => s.id).sort((a, b) => a - b)).toEqual(flips.map((f) => f.schoolId).sort((a, b) => a - b));
      expect(shown.every((s) => s.flip === 'pass_to_fail')).toBe(true);
      // Grouped by region and tier, each group headed by its region.
      const group = page.locator(`[data-group="${flips[0].regionId}-${flips[0].tier}"]`);
      await expect.poll(() => group.locator('li').count()).toBe(flips.filter((f) => f.regionId === flips[0].regionId).length);
      await screenshot(page, 'what-if-flips');

      // The school's link, with the edit unsaved: the product asks before leaving, then opens the school.
      const first = flips[0];
      const asked = new Promise<string>((resolve) => page.once('dialog', (d) => { resolve(d.message()); void d.accept(); }));
      await page.getByTestId('what-if-flips').getByRole('link', { name: first.schoolName }).first().click();
      expect(await asked).toContain('尚未保存');
      await page.waitForURL(new RegExp(`#/schools/${first.schoolId}/show`));
      await page.getByText(first.schoolName).first().waitFor();

      // A preview saves nothing.
      const after = (await (await page.request.get(`/api/tier-policies/${policy.id}`)).json()) as Policy;
      expect(after).toMatchObject({ version: policy.version, jobFairs: policy.jobFairs });
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
