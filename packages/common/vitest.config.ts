import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The pure functions' tests take milliseconds; the ceiling (vitest's default is 5 s) only ends a hang, and a fully
  // loaded machine must never meet it.
  test: { include: ['src/**/*.test.ts'], environment: 'node', testTimeout: 60_000 },
});
