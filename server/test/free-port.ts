import net from 'node:net';

/**
 * A port for a process a test starts (a server, a PostgreSQL cluster), that no other starter of this test run is
 * given. Asking the system for a free port (listen on 0, close, pass the number on) left a gap in which another file's
 * process, started by the other worker at the same moment, could be given the same port and take it first: the test
 * then waited on, and signed in to, the other file's server (a sign-in refused with 401 in a loaded run). These ports
 * are below the system's ephemeral range (32768 up), which `listen(0)` and outgoing connections draw from, and each
 * worker has a block of its own (VITEST_POOL_ID) that it hands out in turn; a port something else on the machine holds
 * is passed over.
 */
const PORTS_PER_WORKER = 500;
let nextPort = 0;
export async function freePort(): Promise<number> {
  const worker = Number(process.env.VITEST_POOL_ID ?? process.env.VITEST_WORKER_ID ?? 1);
  const first = 20_000 + ((worker - 1) % 24) * PORTS_PER_WORKER;
  for (let tries = 0; tries < PORTS_PER_WORKER; tries++) {
    const port = first + (nextPort++ % PORTS_PER_WORKER);
    if (await isFree(port)) return port;
  }
  throw new Error(`no free port in ${first}–${first + PORTS_PER_WORKER - 1}`);
}

const isFree = (port: number) => new Promise<boolean>((resolve) => {
  const s = net.createServer();
  s.once('error', () => resolve(false));
  s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
});
