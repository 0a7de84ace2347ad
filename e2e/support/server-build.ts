import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { repoRoot } from './paths.js';
import { buildEnv } from './web-build.js';

/** What server/dist is compiled from: the server and the workspace packages bundled into it (server/build.mjs). */
const serverSources = ['server/src', 'server/build.mjs', 'server/package.json', 'packages/common/src', 'seed/src'];
export const serverEntry = path.join(repoRoot, 'server', 'dist', 'server.js');

function newestMtime(p: string): number {
  if (!fs.existsSync(p)) return 0;
  const stat = fs.statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

/** Whether server/dist/server.js is missing or older than anything it is compiled from (a test must never run a stale build). */
export function serverBuildNeeded(): boolean {
  if (!fs.existsSync(serverEntry)) return true;
  const built = fs.statSync(serverEntry).mtimeMs;
  return serverSources.some((s) => newestMtime(path.join(repoRoot, s)) > built);
}

/** Compiles the server (`npm run build --workspace server`, as `npm run build` does) when server/dist is missing or stale. */
export function ensureServerBuilt(): void {
  if (!serverBuildNeeded()) return;
  const started = Date.now();
  console.log('[e2e] compiling the server (npm run build --workspace server)…');
  const result = spawnSync('npm', ['run', 'build', '--workspace', 'server'], { cwd: repoRoot, stdio: 'inherit', env: buildEnv() });
  if (result.status !== 0) throw new Error(`npm run build --workspace server failed (exit ${result.status ?? result.signal})`);
  if (!fs.existsSync(serverEntry)) throw new Error('the server build finished but server/dist/server.js is missing');
  console.log(`[e2e] server compiled in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
