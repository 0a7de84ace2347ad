import { afterAll, beforeAll } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { newPage, settle, signIn } from './browser.js';
import { DEMO_PASSWORD } from './api.js';
import { startProduct, stopProduct, type Product } from './product.js';
import type { RunningServer, StartOptions } from './server.js';

export interface BrowserJourney {
  /** The running product's server (its base URL, its error logs). */
  readonly server: RunningServer;
  /** A browser context of its own (its own cookie), signed in as `email` through the login page and settled. */
  as(email: string): Promise<Page>;
  /** A browser context of its own that has not signed in: someone on a public page. */
  visitor(): Promise<Page>;
  /** What every page so far saw go wrong: page errors, 5xx answers, failed requests. */
  problemsSeen(): string[];
}

/**
 * A spec file's journey through the real screens: the product started before its tests and stopped after them, and a
 * browser context per person, each closed at the end with what its pages saw go wrong kept for the last check.
 */
export function browserJourney(options: StartOptions = {}): BrowserJourney {
  let product: Product | undefined;
  const sessions: { context: BrowserContext; problems: string[] }[] = [];
  beforeAll(async () => { product = await startProduct(options); });
  afterAll(async () => {
    for (const s of sessions) await s.context.close().catch(() => {});
    await stopProduct(product ?? {});
  });
  const started = () => {
    if (!product) throw new Error('the product did not start (see beforeAll)');
    return product;
  };
  const visitor = async () => {
    const { browser, server } = started();
    const session = await newPage(browser, server.baseUrl);
    sessions.push(session);
    return session.page;
  };
  return {
    get server() { return started().server; },
    async as(email) {
      const page = await visitor();
      await signIn(page, email, DEMO_PASSWORD);
      await settle(page);
      return page;
    },
    visitor,
    problemsSeen: () => sessions.flatMap((s) => s.problems),
  };
}
