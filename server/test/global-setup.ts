import fs from 'node:fs';
import { compileServer } from './compiled-server.js';

/** Compiles the server once for the suite's process tests (test/compiled-server.ts); the workers inherit the folder. */
export default function setup() {
  const dir = compileServer();
  process.env.SERVER_TEST_DIST = dir;
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
