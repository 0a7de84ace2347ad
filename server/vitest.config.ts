import { defineConfig } from 'vitest/config';
import { isPostgresSocketRace } from './src/db/socket-race.js';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
    // postgres.js writes to a socket the server already closed when a connection is terminated mid-query
    // (the fault tests do that on purpose); the request itself fails cleanly with 503. See server.ts.
    onUnhandledError: (error) => !isPostgresSocketRace(error),
  },
});
