import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The checkout's root folder (the one holding migrations/ and web/), found by walking up from this
 * module: the same answer whether the server runs from its TypeScript sources (server/src/…) or from
 * the compiled bundle (server/dist/…).
 */
function findRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'migrations', 'meta', '_journal.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no migrations/meta/_journal.json above ${from}`);
  }
}

export const repoRoot = findRoot(path.dirname(fileURLToPath(import.meta.url)));
