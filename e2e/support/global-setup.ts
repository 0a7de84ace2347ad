import fs from 'node:fs';
import { screenshotDir } from './paths.js';
import { ensureWebBuilt } from './web-build.js';
import { ensureServerBuilt } from './server-build.js';
import { makeDemoTemplate } from './demo-template.js';

/**
 * Once before every spec: the screenshot folder, the web app and the compiled server built when missing or stale, and
 * the demo data folder the specs start on (support/demo-template.ts). Here rather than by the first spec that needs
 * them, since the spec files run two at a time and two builds of the same folder at once would each remove what the
 * other wrote. The spec files' processes inherit E2E_DEMO_TEMPLATE.
 */
export default async function setup() {
  fs.mkdirSync(screenshotDir, { recursive: true });
  ensureWebBuilt();
  ensureServerBuilt();
  const template = await makeDemoTemplate();
  process.env.E2E_DEMO_TEMPLATE = template;
  return () => fs.rmSync(template, { recursive: true, force: true });
}
