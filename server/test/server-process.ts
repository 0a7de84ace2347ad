import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { waitUntil } from './wait-until.js';
import { compiledEntry } from './compiled-server.js';
import { freePort } from './free-port.js';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface ServerProcess {
  child: ChildProcess;
  port: number;
  baseUrl: string;
  /** What the process printed so far, stdout and stderr. */
  output(): string;
  /** The exit code once the process has exited. */
  exited: Promise<number | null>;
}

/**
 * Starts the compiled server (test/compiled-server.ts, as `npm start` runs it) on a free port (the embedded database unless env says otherwise)
 * and resolves once /api/health answers. If the process exits first, or the (generous) deadline passes, it fails
 * with everything the server printed: a server that cannot start is reported as such, not as a refused connection
 * further on.
 */
export async function startServerProcess(env: Record<string, string>, { timeoutMs = 180_000 } = {}): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, compiledEntry('server'), {
    cwd: repoRoot,
    env: { ...process.env, DATABASE_URL: '', LOG_LEVEL: 'warn', WEB_DIST: '/nonexistent', HOST: '127.0.0.1', ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout!.on('data', (d) => { text += d; });
  child.stderr!.on('data', (d) => { text += d; });
  let code: number | null | undefined;
  const exited = new Promise<number | null>((resolve) => child.once('exit', (c) => { code = c; resolve(c); }));
  const baseUrl = `http://127.0.0.1:${port}`;
  const server: ServerProcess = { child, port, baseUrl, output: () => text, exited };
  try {
    await waitUntil(`the server on port ${port} answers /api/health`, async () => {
      if (code !== undefined) throw new Error(`the server on port ${port} exited with ${code} before it was ready:\n${text}`);
      return fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(5_000) }).then((r) => r.ok, () => false);
    }, { timeoutMs, intervalMs: 100, detail: () => `what it printed:\n${text}` });
  } catch (e) {
    if (code === undefined) child.kill('SIGKILL');
    throw e;
  }
  return server;
}
