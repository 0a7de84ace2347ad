import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
    // Ceilings for a test that hangs, not measures of speed: a fully loaded 2-core machine must never meet them.
    testTimeout: 180_000,
    hookTimeout: 300_000,
    pool: 'forks',
  },
});
