/**
 * Lighthouse (mobile, performance) on the built app as users run it: `node server/dist/server.js`
 * (after `npm run build`), embedded database with the demo data, in Debian's chromium. Measures the
 * sign-in page and, signed in as hq@demo.test, the HQ dashboard; each page 3 times, the median run
 * kept. Writes bench/results/lighthouse.json under the given label, keeping the other labels
 * (before/after of issue 16 item 4).
 *
 *   npm run build && node --import tsx bench/lighthouse.ts --label after
 *   node --import tsx bench/lighthouse.ts --label before --root /path/to/an/older/checkout --web-dist /path/to/its/web/dist
 *
 * CHROME_PATH overrides /usr/bin/chromium. Lighthouse's default mobile settings: a Moto G Power sized
 * screen, simulated slow 4G (150 ms RTT, 1.6 Mbit/s) and 4× CPU slowdown. Its simulated timings
 * start from what this machine observed, so a loaded machine scores lower: the load average is recorded.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import lighthouse, { type Flags, type Result } from 'lighthouse';
import puppeteer, { type Browser } from 'puppeteer-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const { values: args } = parseArgs({
  options: {
    label: { type: 'string', default: 'after' },
    root: { type: 'string', default: path.resolve(here, '..') },
    'web-dist': { type: 'string' },
    /** The compiled server to start (default <root>/server/dist/server.js), e.g. one built with SERVER_BUILD_OUTDIR. */
    server: { type: 'string' },
    runs: { type: 'string', default: '3' },
    out: { type: 'string', default: path.join(here, 'results', 'lighthouse.json') },
  },
});
const runs = Number(args.runs);
const chromePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const chromeFlags = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--no-default-browser-check'];

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

async function startServer(root: string, webDist: string, serverEntry: string) {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cp-lighthouse-'));
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, WEB_DIST: webDist, SEED_DEMO: 'true', LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL; // the embedded database with the demo programme
  const child = spawn(process.execPath, [serverEntry], { cwd: root, env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => { stderr = (stderr + c.toString()).slice(-4000); });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 300_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode} while starting:\n${stderr}`);
    if (Date.now() > deadline) { child.kill('SIGKILL'); throw new Error(`no answer from ${base}/api/health within 300 s:\n${stderr}`); }
    if (await fetch(`${base}/api/health`).then((r) => r.ok, () => false)) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    base,
    async stop() {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(timer);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

interface Run {
  score: number;
  fcpMs: number;
  lcpMs: number;
  tbtMs: number;
  speedIndexMs: number;
  /** Scripts as sent over the wire (headers included), and their decoded size. */
  scriptTransferBytes: number;
  scriptResourceBytes: number;
  scripts: number;
  totalTransferBytes: number;
}

function summarize(lhr: Result): Run {
  const audit = (id: string) => Math.round(lhr.audits[id]?.numericValue ?? NaN);
  const items = ((lhr.audits['network-requests']?.details as { items?: Array<Record<string, unknown>> } | undefined)?.items ?? []);
  const scripts = items.filter((i) => i.resourceType === 'Script');
  const sum = (list: Array<Record<string, unknown>>, key: string) => list.reduce((s, i) => s + Number(i[key] ?? 0), 0);
  if (lhr.runtimeError) throw new Error(`lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  return {
    score: Math.round((lhr.categories.performance.score ?? 0) * 100),
    fcpMs: audit('first-contentful-paint'),
    lcpMs: audit('largest-contentful-paint'),
    tbtMs: audit('total-blocking-time'),
    speedIndexMs: audit('speed-index'),
    scriptTransferBytes: sum(scripts, 'transferSize'),
    scriptResourceBytes: sum(scripts, 'resourceSize'),
    scripts: scripts.length,
    totalTransferBytes: sum(items, 'transferSize'),
  };
}

async function measure(browser: Browser, url: string, keepSession: boolean): Promise<{ median: Run; runs: Run[] }> {
  const port = Number(new URL(browser.wsEndpoint()).port);
  const flags: Flags = {
    port, output: 'json', logLevel: 'error', onlyCategories: ['performance'], disableStorageReset: keepSession,
    // Diagnostics that read every response body over the DevTools protocol, which times out on a loaded
    // 2-core machine (PROTOCOL_TIMEOUT on Network.getResponseBody); the score comes from the metrics alone.
    skipAudits: ['uses-text-compression', 'unminified-javascript', 'unused-javascript', 'legacy-javascript', 'duplicated-javascript', 'script-treemap-data', 'unminified-css', 'unused-css-rules', 'total-byte-weight', 'bf-cache'],
  };
  const all: Run[] = [];
  const failures: string[] = [];
  while (all.length < runs) {
    const result = await lighthouse(url, flags);
    if (!result) throw new Error(`lighthouse returned nothing for ${url}`);
    try {
      all.push(summarize(result.lhr));
    } catch (e) {
      failures.push((e as Error).message);
      if (failures.length > runs) throw new Error(`${url}: ${failures.join('; ')}`, { cause: e });
    }
  }
  const sorted = [...all].sort((a, b) => a.score - b.score);
  return { median: sorted[Math.floor(sorted.length / 2)], runs: all };
}

const loadAverageAtStart = os.loadavg().map((l) => Math.round(l * 10) / 10);

async function main() {
  const root = path.resolve(args.root);
  const webDist = path.resolve(args['web-dist'] ?? path.join(root, 'web', 'dist'));
  const server = await startServer(root, webDist, path.resolve(args.server ?? path.join(root, 'server', 'dist', 'server.js')));
  const browser = await puppeteer.launch({ executablePath: chromePath, args: chromeFlags });
  try {
    const login = await measure(browser, `${server.base}/`, false);
    // Signed in as HQ in this browser (the session cookie); Lighthouse keeps the cookies when told not to reset storage.
    const page = await browser.newPage();
    await page.goto(`${server.base}/`);
    const status = await page.evaluate(async () => (await fetch('/api/auth/login', {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'hq@demo.test', password: 'demo1234' }),
    })).status);
    if (status !== 200) throw new Error(`sign-in as hq@demo.test answered ${status}`);
    await page.close();
    const dashboard = await measure(browser, `${server.base}/#/`, true);
    const out = fs.existsSync(args.out) ? JSON.parse(fs.readFileSync(args.out, 'utf8')) : {};
    out[args.label!] = {
      measuredAt: new Date().toISOString(),
      chromium: await browser.version(),
      lighthouse: (await import('lighthouse/package.json', { with: { type: 'json' } })).default.version,
      loadAverage: os.loadavg().map((l) => Math.round(l * 10) / 10),
      loadAverageAtStart,
      cpus: os.cpus().length,
      settings: 'lighthouse defaults: mobile, simulated slow 4G, 4x CPU slowdown; median of runs by score',
      loginPage: login,
      hqDashboard: dashboard,
    };
    fs.mkdirSync(path.dirname(args.out), { recursive: true });
    fs.writeFileSync(args.out, `${JSON.stringify(out, null, 2)}\n`);
    for (const [name, r] of [['login page', login.median], ['HQ dashboard', dashboard.median]] as const) {
      console.log(`${args.label} ${name}: score ${r.score} (runs ${(name === 'login page' ? login : dashboard).runs.map((x) => x.score).join(', ')}), FCP ${r.fcpMs} ms, LCP ${r.lcpMs} ms, TBT ${r.tbtMs} ms, ${r.scripts} scripts ${r.scriptTransferBytes} B transferred (${r.scriptResourceBytes} B)`);
    }
  } finally {
    await browser.close();
    await server.stop();
  }
}

await main();
