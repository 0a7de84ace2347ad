import fs from 'node:fs';
import { screenshotDir } from './paths.js';

/** Once before every spec: the screenshot folder (the web build is made by startServer, once). */
export default function setup() {
  fs.mkdirSync(screenshotDir, { recursive: true });
}
