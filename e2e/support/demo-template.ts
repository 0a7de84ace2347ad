import fs from 'node:fs';
import path from 'node:path';
import { startServer } from './server.js';

/**
 * The demo programme's data folder, made once before the spec files run: the compiled server's first start on an
 * empty embedded database (migrations, the demo seed), stopped cleanly. Every spec that starts the product's default
 * (startServer without DATABASE_URL, SEED_DEMO or ADMIN_EMAIL) starts on a copy of it instead of seeding its own, which
 * was most of a spec's start: the first start itself is still the subject of sign-in.spec.ts (template: false).
 */
export async function makeDemoTemplate(): Promise<string> {
  const started = performance.now();
  const server = await startServer({ web: false, keepData: true, template: false });
  const { dataDir } = server;
  await server.stop();
  // The data folder's lock (`<folder>.lock`, released on a clean stop) is never part of a copy.
  for (const entry of fs.readdirSync(dataDir)) if (entry.endsWith('.lock')) fs.rmSync(path.join(dataDir, entry), { force: true });
  console.log(`[e2e] demo data folder made in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return dataDir;
}
