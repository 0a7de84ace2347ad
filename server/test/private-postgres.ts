import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { freePort } from './free-port.js';

/**
 * A PostgreSQL cluster of the test's own (initdb in a temporary folder, its own port), so that a test
 * may stop and start the server under the product without touching the machine's shared one. Needs
 * the PostgreSQL server binaries and root (the cluster runs as the postgres user); undefined otherwise.
 */
export interface PrivateCluster {
  url: string;
  stop(): void;
  start(): void;
  destroy(): void;
}

function binaries(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!fs.existsSync(root) || process.getuid?.() !== 0) return undefined;
  const version = fs.readdirSync(root).sort().pop();
  const bin = version && path.join(root, version, 'bin');
  return bin && fs.existsSync(path.join(bin, 'initdb')) ? bin : undefined;
}

export const canRunPrivateCluster = () => binaries() !== undefined;

export async function startPrivateCluster(): Promise<PrivateCluster> {
  const bin = binaries();
  if (!bin) throw new Error('no PostgreSQL server binaries or not root');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cp-private-pg-'));
  execFileSync('chown', ['postgres:postgres', dir]);
  const data = path.join(dir, 'data');
  const port = await freePort();
  const asPostgres = (tool: string, args: string[]) =>
    execFileSync('runuser', ['-u', 'postgres', '--', path.join(bin, tool), ...args], { stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 });
  asPostgres('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--locale=C']);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off`;
  const start = () => { asPostgres('pg_ctl', ['-D', data, '-o', options, '-l', path.join(dir, 'server.log'), '-w', '-t', '120', 'start']); };
  start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    start,
    stop: () => { asPostgres('pg_ctl', ['-D', data, '-m', 'fast', '-w', '-t', '120', 'stop']); },
    destroy: () => {
      try { asPostgres('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']); } catch { /* already stopped */ }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
