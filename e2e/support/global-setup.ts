import fs from 'node:fs';
import { screenshotDir } from './paths.js';
import { ensureWebBuilt } from './web-build.js';
import { ensureServerBuilt } from './server-build.js';

/**
 * Once before every spec: the screenshot folder, and the web app and the compiled server built when missing or stale,
 * here rather than by the first spec that needs them, since the spec files run two at a time and two builds of the
 * same folder at once would each remove what the other wrote.
 */
export default function setup() {
  fs.mkdirSync(screenshotDir, { recursive: true });
  ensureWebBuilt();
  ensureServerBuilt();
}
