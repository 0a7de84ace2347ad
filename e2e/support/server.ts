import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { repoRoot } from './paths.js';
import { ensureWebBuilt } from './web-build.js';
import { ensureServerBuilt, serverEntry } from './server-build.js';

export interface StartOptions {
  /**
   * Whether the test needs the SPA (default true): web/dist is then built first when missing or
   * stale. API-only tests pass false and do not wait for a build.
   */
  web?: boolean;
  /** Extra environment for the server (PORT, HOST and DATA_DIR are set here). */
  env?: Record<string, string>;
  /** Reuse this data folder instead of a fresh temporary one (it is then kept on stop). */
  dataDir?: string;
  /** Keep the temporary data folder on stop (to start again on the same database). */
  keepData?: boolean;
  /**
   * Copy this data folder into the fresh one before starting (a known database instead of the demo
   * seed). Defaults to E2E_DATA_TEMPLATE when that is set, for debugging against a saved database;
   * otherwise, for the product's default start (the embedded database with its demo programme: no
   * DATABASE_URL, SEED_DEMO or ADMIN_EMAIL given), to the demo data folder the global setup made once
   * (E2E_DEMO_TEMPLATE, support/demo-template.ts). `false` starts on an empty folder: a real first start.
   */
  template?: string | false;
  /** How long to wait for /api/health, in ms. */
  timeoutMs?: number;
  /** Listen on this port (from freePort(), when the environment must name the address, e.g. PUBLIC_URL); default a free one. */
  port?: number;
  /**
   * Run the compiled server (`node server/dist/server.js`, as `npm start` does; built by the global
   * setup, or here when missing or stale), the default; `false` runs the sources through tsx, as
   * `npm run dev` does (a few seconds more CPU per start).
   */
  compiled?: boolean;
}

export interface RunningServer {
  baseUrl: string;
  port: number;
  dataDir: string;
  pid: number;
  /** Milliseconds from spawning the process until /api/health answered 200. */
  startupMs: number;
  /** The health answer: { status, database }. */
  health: { status: string; database: string };
  /** What the process printed so far (stdout and stderr, the last 200 kB). */
  output(): string;
  /** The log lines at level error or fatal (pino levels 50 and 60) printed so far. */
  errorLogs(): string[];
  stop(): Promise<void>;
}

import { freePort } from '@campus/server/test/free-port.js';

export { freePort };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/**
 * Starts the product (compiled, as `npm start` runs it, unless `compiled: false`), on the embedded
 * database in a fresh temporary DATA_DIR (a copy of the demo template by default) and a free port on 127.0.0.1, and waits for /api/health.
 * An inherited DATABASE_URL or SEED_DEMO is dropped unless given in `env`, so the product starts as a
 * first user would start it. Builds web/dist first when it is missing.
 */
export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const compiled = options.compiled ?? true;
  if (options.web !== false) ensureWebBuilt();
  if (compiled) ensureServerBuilt();
  const port = options.port ?? (await freePort());
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'cp-e2e-'));
  const removeData = !options.dataDir && !options.keepData;
  const defaultStart = !['DATABASE_URL', 'SEED_DEMO', 'ADMIN_EMAIL'].some((k) => options.env?.[k] !== undefined);
  const template = options.template === false ? undefined : options.template ?? process.env.E2E_DATA_TEMPLATE ?? (defaultStart ? process.env.E2E_DEMO_TEMPLATE : undefined);
  if (template && !options.dataDir) fs.cpSync(template, dataDir, { recursive: true });
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of ['DATABASE_URL', 'SEED_DEMO', 'WEB_DIST', 'DATA_DIR', 'PORT', 'HOST']) delete env[k];
  Object.assign(env, { LOG_LEVEL: 'warn', NODE_ENV: 'production' }, options.env ?? {}, {
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
  });

  const started = performance.now();
  const args = compiled ? ['--enable-source-maps', serverEntry] : ['--import', 'tsx', 'server/src/server.ts'];
  const child = spawn(process.execPath, args, {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output += chunk.toString();
    if (output.length > 200_000) output = output.slice(-200_000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });

  const stop = async () => {
    if (!exited) {
      child.kill('SIGTERM');
      if (!(await waitForExit(child, 20_000))) {
        child.kill('SIGKILL');
        await waitForExit(child, 5_000);
      }
    }
    if (removeData) fs.rmSync(dataDir, { recursive: true, force: true });
  };

  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (options.timeoutMs ?? 600_000);
  let health: RunningServer['health'] | undefined;
  while (!health) {
    if (exited) {
      await stop();
      throw new Error(`the server exited during start-up (code ${child.exitCode}):\n${output}`);
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the server did not answer /api/health within ${options.timeoutMs ?? 600_000} ms:\n${output}`);
    }
    try {
      const res = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(2_000) });
      if (res.ok) health = (await res.json()) as RunningServer['health'];
    } catch {
      // not listening yet
    }
    if (!health) await sleep(100);
  }
  const startupMs = Math.round(performance.now() - started);

  const errorLogs = () =>
    output.split('\n').filter((line) => {
      try {
        return (JSON.parse(line) as { level?: number }).level! >= 50;
      } catch {
        return false;
      }
    });

  return { baseUrl, port, dataDir, pid: child.pid!, startupMs, health, output: () => output, errorLogs, stop };
}
