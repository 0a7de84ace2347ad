import fs from 'node:fs';
import { freePort } from '@campus/server/test/free-port.js';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { repoRoot } from './paths.js';

/** Debian's nginx (apt-get install nginx-light); NGINX_PATH overrides. */
export const NGINX_PATH = process.env.NGINX_PATH ?? '/usr/sbin/nginx';
/** The documented configuration (README "Behind a reverse proxy"), run as it stands with its placeholders filled in. */
export const nginxSiteTemplate = path.join(repoRoot, 'docs', 'nginx.conf');

export function nginxAvailable(): boolean {
  return fs.existsSync(NGINX_PATH);
}

export interface SiteOptions {
  /** host:port of each server process. */
  upstreams: string[];
  listen: string;
  serverName: string;
  certificate: string;
  certificateKey: string;
}

/** docs/nginx.conf with its {{PLACEHOLDERS}} filled in; fails on any left over. */
export function nginxSiteConfig(o: SiteOptions): string {
  const values: Record<string, string> = {
    UPSTREAM_SERVERS: o.upstreams.map((u) => `server ${u};`).join('\n    '),
    LISTEN: o.listen,
    SERVER_NAME: o.serverName,
    CERTIFICATE: o.certificate,
    CERTIFICATE_KEY: o.certificateKey,
  };
  const text = fs.readFileSync(nginxSiteTemplate, 'utf8').replace(/^\s*#.*$/gm, (line) => (line.includes('{{') ? '' : line));
  const filled = text.replace(/\{\{([A-Z_]+)\}\}/g, (_, name: string) => {
    if (!(name in values)) throw new Error(`docs/nginx.conf: unknown placeholder {{${name}}}`);
    return values[name]!;
  });
  return filled;
}

export interface RunningNginx {
  /** https://127.0.0.1:<port> */
  baseUrl: string;
  port: number;
  dir: string;
  /** The access log so far: one line per request, "<upstream address> <status> <method> <uri>". */
  accessLog(): string[];
  /** nginx's own error log so far. */
  errorLog(): string;
  stop(): Promise<void>;
}


/** A self-signed certificate for 127.0.0.1 and localhost (openssl req -x509), written into `dir`. */
export function makeSelfSignedCertificate(dir: string): { certificate: string; key: string } {
  const certificate = path.join(dir, 'cert.pem');
  const key = path.join(dir, 'key.pem');
  const r = spawnSync('openssl', [
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-sha256', '-days', '2',
    '-keyout', key, '-out', certificate, '-subj', '/CN=127.0.0.1',
    '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost',
  ], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`openssl req -x509 failed (exit ${r.status ?? r.error?.message}): ${r.stderr}`);
  fs.chmodSync(key, 0o600);
  return { certificate, key };
}

/**
 * nginx in the foreground (`daemon off;`) with a configuration of its own in a temporary folder
 * (pid, logs and temporary files there too): docs/nginx.conf in an http block, TLS on a free port of
 * 127.0.0.1 with a fresh self-signed certificate, round robin over `upstreams`. `proxyBind` makes
 * nginx connect to the processes from that address (127.0.0.2), so that the processes can tell the
 * proxy (TRUST_PROXY) from the browser (127.0.0.1). Resolves once nginx accepts connections.
 */
export async function startNginx(opts: { upstreams: string[]; proxyBind?: string; port?: number }): Promise<RunningNginx> {
  if (!nginxAvailable()) throw new Error(`No nginx at ${NGINX_PATH}: install it (apt-get install -y nginx-light) or set NGINX_PATH.`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cp-nginx-'));
  // nginx's workers (www-data when started as root) must reach the temporary-file folders in here.
  fs.chmodSync(dir, 0o755);
  const port = opts.port ?? (await freePort());
  const { certificate, key } = makeSelfSignedCertificate(dir);
  const site = nginxSiteConfig({ upstreams: opts.upstreams, listen: `127.0.0.1:${port}`, serverName: '127.0.0.1 localhost', certificate, certificateKey: key });
  const p = (name: string) => path.join(dir, name);
  const conf = `# written by e2e/support/nginx.ts
daemon off;
worker_processes 1;
pid ${p('nginx.pid')};
error_log ${p('error.log')} warn;
events { worker_connections 512; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    log_format upstream '$upstream_addr $status $request_method $request_uri';
    access_log ${p('access.log')} upstream;
    client_body_temp_path ${p('client_body')};
    proxy_temp_path ${p('proxy')};
    fastcgi_temp_path ${p('fastcgi')};
    uwsgi_temp_path ${p('uwsgi')};
    scgi_temp_path ${p('scgi')};
${opts.proxyBind ? `    proxy_bind ${opts.proxyBind};\n` : ''}
# ---- docs/nginx.conf ----
${site}
}
`;
  const confFile = p('nginx.conf');
  fs.writeFileSync(confFile, conf);
  const check = spawnSync(NGINX_PATH, ['-t', '-q', '-e', p('error.log'), '-p', dir, '-c', confFile], { encoding: 'utf8' });
  if (check.status !== 0) throw new Error(`nginx -t refused ${confFile}:\n${check.stderr}${readOr(p('error.log'))}\n${conf}`);

  const child = spawn(NGINX_PATH, ['-e', p('error.log'), '-p', dir, '-c', confFile], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (c: Buffer) => { output += c.toString(); });
  child.stderr!.on('data', (c: Buffer) => { output += c.toString(); });
  let exited = false;
  const gone = new Promise<void>((resolve) => child.once('exit', () => { exited = true; resolve(); }));

  const stop = async () => {
    if (!exited) {
      child.kill('SIGQUIT'); // graceful: workers finish what they serve
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await gone;
      clearTimeout(timer);
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };

  const deadline = Date.now() + 30_000;
  for (;;) {
    if (exited) {
      const text = `${output}${readOr(p('error.log'))}`;
      await stop();
      throw new Error(`nginx exited during start-up:\n${text}`);
    }
    if (await accepts(port)) break;
    if (Date.now() > deadline) {
      const text = `${output}${readOr(p('error.log'))}`;
      await stop();
      throw new Error(`nginx did not accept connections on 127.0.0.1:${port} within 30 s:\n${text}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    baseUrl: `https://127.0.0.1:${port}`,
    port,
    dir,
    accessLog: () => readOr(p('access.log')).split('\n').filter(Boolean),
    errorLog: () => readOr(p('error.log')),
    stop,
  };
}

function readOr(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => { socket.destroy(); resolve(true); });
    socket.once('error', () => resolve(false));
  });
}
