import fs from 'node:fs';
import type { Browser } from 'playwright-core';
import { AppError, ErrorCode } from '../../lib/errors.js';
import { loadChromium } from '../../lib/lazy-packages.js';

export interface PdfOptions {
  /** The Chromium (or Chrome) executable: CHROMIUM_PATH, /usr/bin/chromium by default (the browser tests' own). */
  executablePath: string;
  /** How long launching, laying out and printing may take together. */
  timeoutMs: number;
}

const isExecutable = (file: string) => {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
};

/** One PDF at a time per process: each is a Chromium of its own, and a second at once would only share the CPU. */
let queue: Promise<unknown> = Promise.resolve();

/**
 * Prints a self-contained HTML document to an A4 PDF with Chromium (playwright-core): a browser launched for this
 * request and closed after it, whatever happens (no browser outlives its request, so nothing is left to close on
 * shutdown). Without an executable Chromium the answer is 503 `pdf_renderer_missing` (what to install or set), and a
 * Chromium that fails or takes longer than the timeout 503 `pdf_render_failed`: never a 500.
 */
export function htmlToPdf(html: string, opts: PdfOptions): Promise<Buffer> {
  if (!isExecutable(opts.executablePath)) {
    return Promise.reject(new AppError(503, ErrorCode.unavailable, { code: 'pdf_renderer_missing', params: { path: opts.executablePath } }));
  }
  const run = queue.then(() => render(html, opts), () => render(html, opts));
  queue = run.catch(() => undefined);
  return run;
}

async function render(html: string, opts: PdfOptions): Promise<Buffer> {
  const deadline = Date.now() + opts.timeoutMs;
  const left = () => Math.max(1, deadline - Date.now());
  let browser: Browser | undefined;
  let timer: NodeJS.Timeout | undefined;
  let finished = false;
  try {
    const work = (async () => {
      const chromium = await loadChromium();
      browser = await chromium.launch({
        executablePath: opts.executablePath, timeout: left(),
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      });
      // Launched after the timeout gave up on it: closed at once (finally below has run already).
      if (finished) { await browser.close(); throw new Error('timed out'); }
      const page = await browser.newPage();
      // The document is self-contained: nothing may be fetched while it is laid out.
      await page.route('**/*', (route) => route.abort());
      await page.setContent(html, { waitUntil: 'load', timeout: left() });
      return Buffer.from(await page.pdf({ format: 'A4', printBackground: true, margin: { top: '14mm', bottom: '14mm', left: '12mm', right: '12mm' } }));
    })();
    work.catch(() => undefined); // a launch still running when the timeout won: its failure is answered above
    const timeout = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`timed out after ${opts.timeoutMs} ms`)), opts.timeoutMs); });
    return await Promise.race([work, timeout]);
  } catch (e) {
    const reason = (e as Error).message.split('\n')[0].slice(0, 200);
    throw new AppError(503, ErrorCode.unavailable, { code: 'pdf_render_failed', params: { reason } });
  } finally {
    finished = true;
    clearTimeout(timer);
    await (browser as { close(): Promise<void> } | undefined)?.close().catch(() => undefined);
  }
}
