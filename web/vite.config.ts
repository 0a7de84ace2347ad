/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const apiTarget = process.env.API_URL ?? 'http://localhost:3000';

export default defineConfig({
  plugins: [react()],
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
    // react-admin + MUI are most of the bytes; kept in their own chunk, they stay cached across
    // releases of our code.
    rolldownOptions: {
      output: {
        advancedChunks: {
          groups: [
            { name: 'react-admin', test: /node_modules[\\/](react-admin|ra-[^\\/]+|@mui|@emotion|react-hook-form|@tanstack|react-router|react-router-dom|lodash)[\\/]/ },
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
          ],
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
  },
});
