import { defineConfig } from 'vitest/config';

/**
 * Browser journeys against the real product: each spec file starts its own server on a fresh data
 * folder, so the files run one after another in a single worker, with timeouts long enough for a
 * first start (migrations and the demo seed) and a headless browser.
 */
export default defineConfig({
  test: {
    include: ['**/*.spec.ts'],
    exclude: ['node_modules/**'],
    environment: 'node',
    globalSetup: ['./support/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    teardownTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    sequence: { concurrent: false },
  },
});
