/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { createRequire } from 'node:module';
import path from 'node:path';

const apiTarget = process.env.API_URL ?? 'http://localhost:3000';

// react-router 7 points every import condition at its development build (dev warnings kept, larger; upstream issues
// 12532, 14102 of remix-run/react-router): the build takes its production build, the one it ships beside it.
const reactRouterDist = path.join(path.dirname(createRequire(import.meta.url).resolve('react-router/package.json')), 'dist', 'production');

export default defineConfig(({ command }) => ({
  plugins: [react()],
  resolve: {
    alias: command === 'build' ? [
      { find: /^react-router$/, replacement: path.join(reactRouterDist, 'index.mjs') },
      { find: /^react-router\/dom$/, replacement: path.join(reactRouterDist, 'dom-export.mjs') },
      { find: /^object\.entries$/, replacement: path.resolve(import.meta.dirname, 'scripts', 'object-entries.cjs') },
    ] : [],
  },
  server: {
    port: 5173,
    proxy: {
      '/api': {
        target: apiTarget,
        changeOrigin: true,
        // The server refuses state-changing requests whose Origin is another host (CSRF guard);
        // through the dev proxy the browser's Origin is the Vite port, so present the API's own.
        headers: { origin: apiTarget },
      },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // React itself in a chunk of its own (every page needs it, it changes rarely). react-admin and MUI
    // are left to the bundler's split: forced into one chunk (1.2 MB), the sign-in page downloaded all
    // of their lists, forms and inputs; split, each screen's chunk brings the parts it uses
    // (issue 16 item 4; the screens are lazy: web/src/lazy-page.tsx).
    rolldownOptions: {
      output: {
        advancedChunks: {
          groups: [{ name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ }],
        },
      },
    },
    chunkSizeWarningLimit: 1500,
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.ts'],
    css: false,
    // A ceiling for a test that hangs, not a measure of speed: a fully loaded 2-core machine must never meet it
    // (a form driven with user-event takes seconds there).
    testTimeout: 180_000,
    // Test files share their worker's modules and jsdom: react-admin, MUI and the app are loaded once per worker, not
    // once per file (more than half of the suite's CPU time). setup.ts resets what a test leaves behind (the DOM,
    // msw handlers, localStorage) and every render gets its own store and query cache.
    isolate: false,
    // Two workers: beside the server suite they share the two cores, and once it ends the web's files use both (one
    // worker left a core idle for the last third of npm test). Alone on a quiet machine: 106 s with two, about 190 s with one.
    maxWorkers: 2,
  },
}));
