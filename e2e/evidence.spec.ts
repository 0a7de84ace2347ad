import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { RunningServer } from './support/server.js';
import { startProduct, stopProduct } from './support/product.js';
import { newPage, screenshot, signIn } from './support/browser.js';
import { DEMO_PASSWORD, listQuery } from './support/api.js';

/**
 * issue 17 item 4, in a real browser: a school opens one of its job fairs, attaches the fair's photo
 * (a real PNG) on the job fair's own page, sees it listed there and downloads it whole.
 */

// A real 2x2 red PNG (RGBA, valid CRCs), 74 bytes.
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAYAAABytg0kAAAAEUlEQVR4nGP4z8DwH4QZYAwAR8oH+WdZbrcAAAAASUVORK5CYII=', 'base64');

let server: RunningServer;
let browser: Browser;

beforeAll(async () => ({ server, browser } = await startProduct()));
afterAll(() => stopProduct({ server, browser }));

describe('evidence on a job fair', () => {
  it("a school attaches the job fair's photo and sees and downloads it", async () => {
    const { context, page, problems } = await newPage(browser, server.baseUrl);
    try {
      await signIn(page, 'school@demo.test', DEMO_PASSWORD);
      const fairs = await page.request.get(`/api/job-fairs${listQuery({ range: [0, 0], sort: ['heldOn', 'DESC'] })}`);
      expect(fairs.status()).toBe(200);
      const [fair] = (await fairs.json()) as { id: number; title: string }[];
      expect(fair, 'the demo school has a job fair').toBeDefined();

      await page.goto(`/#/job-fairs/${fair.id}`);
      const section = page.getByTestId('evidence-job_fair');
      await section.getByRole('heading', { name: '佐证材料' }).waitFor();
      await section.getByRole('button', { name: '上传文件' }).waitFor();

      const uploaded = page.waitForResponse((r) => r.url().endsWith('/api/evidence') && r.request().method() === 'POST');
      await section.getByTestId('attachment-input').setInputFiles({ name: '招聘会现场.png', mimeType: 'image/png', buffer: png });
      const res = await uploaded;
      expect(res.status(), await res.text()).toBe(201);
      const stored = (await res.json()) as { id: number; entityType: string; entityId: number; downloadUrl: string };
      expect(stored).toMatchObject({ entityType: 'job_fair', entityId: fair.id });

      const link = section.getByRole('link', { name: '招聘会现场.png' });
      await link.waitFor();
      const href = await link.getAttribute('href');
      expect(href).toBe(stored.downloadUrl);
      const download = await page.request.get(href!);
      expect(download.status()).toBe(200);
      expect(download.headers()['content-type']).toBe('image/png');
      expect(Buffer.compare(await download.body(), png)).toBe(0);
      await screenshot(page, 'job-fair-evidence');
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
