import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { repoRoot, webDist } from './paths.js';

const webSources = ['web/src', 'web/public', 'web/index.html', 'web/vite.config.ts', 'web/package.json'];

function newestMtime(p: string): number {
  if (!fs.existsSync(p)) return 0;
  const stat = fs.statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

/** Whether web/dist is missing or older than the SPA's sources (a test must never run a stale build). */
export function webBuildNeeded(): boolean {
  const index = path.join(webDist, 'index.html');
  if (!fs.existsSync(index)) return true;
  const built = fs.statSync(index).mtimeMs;
  return webSources.some((s) => newestMtime(path.join(repoRoot, s)) > built);
}

/**
 * The environment of a build as `npm run build` runs it: vitest sets NODE_ENV=test in its own process, and a Vite build
 * that inherits it bundles React's development build (431 kB raw, 104 kB brotli for the react chunk instead of its
 * production build), so the browser tests ran another program than users get.
 */
export function buildEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.NODE_ENV;
  return env;
}

/** Builds the SPA once (`npm run build --workspace web`) when web/dist is missing or stale. */
export function ensureWebBuilt(): void {
  if (process.env.E2E_SKIP_BUILD === 'true' && fs.existsSync(path.join(webDist, 'index.html'))) return;
  if (!webBuildNeeded()) return;
  const started = Date.now();
  console.log('[e2e] building the web app (npm run build --workspace web)…');
  const result = spawnSync('npm', ['run', 'build', '--workspace', 'web'], { cwd: repoRoot, stdio: 'inherit', env: buildEnv() });
  if (result.status !== 0) throw new Error(`npm run build --workspace web failed (exit ${result.status ?? result.signal})`);
  if (!fs.existsSync(path.join(webDist, 'index.html'))) throw new Error('the web build finished but web/dist/index.html is missing');
  console.log(`[e2e] web app built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
