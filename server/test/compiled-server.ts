import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * The server and its command-line tools as the tests that run them as processes start them: compiled by
 * server/build.mjs (esbuild, as `npm run build` compiles them for `npm start`), once per test run, into a folder of
 * that run under node_modules/.cache (so that npm packages resolve from the checkout's node_modules and two runs
 * never share a folder). Started with plain node, a process needs about a quarter less CPU than through the tsx loader,
 * and the tests run the code as production runs it. test/global-setup.ts compiles before the files run and removes the
 * folder after; a file run by other means compiles on first use.
 */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export type CompiledEntry = 'server' | 'migrate-cli' | 'backup-cli' | 'reset-password-cli';

/** Compiles into a new folder and returns it. */
export function compileServer(): string {
  const dir = path.join(repoRoot, 'node_modules', '.cache', 'server-test-dist', `${process.pid}-${Date.now()}`);
  const result = spawnSync(process.execPath, [path.join(repoRoot, 'server', 'build.mjs')], {
    cwd: repoRoot, encoding: 'utf8', env: { ...process.env, SERVER_BUILD_OUTDIR: dir },
  });
  if (result.status !== 0) throw new Error(`compiling the server for process tests failed (exit ${result.status ?? result.signal}):\n${result.stdout}${result.stderr}`);
  return dir;
}

/** node's arguments that run one compiled entry (the server, or a CLI). */
export function compiledEntry(entry: CompiledEntry): string[] {
  let dir = process.env.SERVER_TEST_DIST;
  if (!dir || !fs.existsSync(path.join(dir, 'server.js'))) process.env.SERVER_TEST_DIST = dir = compileServer();
  return ['--enable-source-maps', path.join(dir, `${entry}.js`)];
}
