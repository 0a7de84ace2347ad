import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser.js';
import { startServer, type RunningServer, type StartOptions } from './server.js';

/** What a browser journey runs against: the product on a fresh data folder, and a browser of its own. */
export interface Product {
  server: RunningServer;
  browser: Browser;
}

/** Starts the product (see startServer for the options) and a browser: a spec file's beforeAll. */
export async function startProduct(options: StartOptions = {}): Promise<Product> {
  const server = await startServer(options);
  try {
    return { server, browser: await launchBrowser() };
  } catch (e) {
    await server.stop();
    throw e;
  }
}

/** Closes the browser, then stops the server (either may be missing when beforeAll failed): a spec file's afterAll. */
export async function stopProduct(product: Partial<Product>): Promise<void> {
  await product.browser?.close();
  await product.server?.stop();
}
