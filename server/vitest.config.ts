import { defineConfig } from 'vitest/config';
import { isPostgresSocketRace } from './src/db/socket-race.js';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    // Ceilings for a test that hangs, not measures of speed: a fully loaded 2-core machine must never meet them.
    testTimeout: 180_000,
    hookTimeout: 300_000,
    // The server compiled once for the tests that start it as a process (test/compiled-server.ts).
    globalSetup: ['./test/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 2,
    // Test files share their worker's module graph: the server's modules, fastify, drizzle and PGlite's WebAssembly are
    // loaded once per worker instead of once per file (about half the suite's CPU time). Each file still has its own
    // database and app (test/test-app.ts), no server module keeps state between apps, and tests that fix the clock
    // restore it.
    isolate: false,
    // postgres.js writes to a socket the server already closed when a connection is terminated mid-query
    // (the fault tests do that on purpose); the request itself fails cleanly with 503. See server.ts.
    onUnhandledError: (error) => !isPostgresSocketRace(error),
  },
});
