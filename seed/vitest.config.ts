import { defineConfig } from 'vitest/config';
import { reporters } from '../scripts/test-report.mjs';

export default defineConfig({
  test: {
    reporters: reporters('seed'),
    include: ['src/**/*.test.ts'],
    environment: 'node',
    // Ceilings for a test that hangs, not measures of speed: a fully loaded 2-core machine must never meet them.
    testTimeout: 180_000,
    hookTimeout: 300_000,
    pool: 'forks',
  },
});
