import { defineConfig } from 'vitest/config';

/**
 * Browser journeys against the real product: each spec file starts its own server on a fresh data
 * folder (or database) and a free port, with its own browser, so two files run at once, one per
 * core (one after another, the 16 files took 805 s in CI and a core often waited on the other's
 * browser or server start); the tests within a file run in order. The web app and the compiled
 * server are built once, before the files start (support/global-setup.ts). Timeouts only end a hang:
 * a journey of many screens, a first start (migrations and the demo seed) and a headless browser on
 * a fully loaded machine stay well inside them (a 120 s journey ceiling and 15-30 s waits for a
 * screen were met when two files ran beside other work).
 */
export default defineConfig({
  test: {
    include: ['**/*.spec.ts'],
    exclude: ['node_modules/**'],
    environment: 'node',
    globalSetup: ['./support/global-setup.ts'],
    testTimeout: 600_000,
    hookTimeout: 900_000,
    teardownTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
    fileParallelism: true,
    sequence: { concurrent: false },
  },
});
