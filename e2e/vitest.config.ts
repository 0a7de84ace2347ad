import { defineConfig } from 'vitest/config';
import { reporters } from '../scripts/test-report.mjs';

/**
 * Browser journeys against the real product: each spec file starts its own server on a fresh data
 * folder (or database) and a free port, with its own browser, so two files run at once, one per
 * core (one after another, the 16 files took 805 s in CI and a core often waited on the other's
 * browser or server start); the tests within a file run in order. The web app and the compiled
 * server are built once, before the files start (support/global-setup.ts). Timeouts are long
 * enough for a first start (migrations and the demo seed) and a headless browser on a busy machine.
 */
export default defineConfig({
  test: {
    reporters: reporters('e2e'),
    include: ['**/*.spec.ts'],
    exclude: ['node_modules/**'],
    environment: 'node',
    globalSetup: ['./support/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    teardownTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
    fileParallelism: true,
    sequence: { concurrent: false },
  },
});
