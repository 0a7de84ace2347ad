import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PGlite } from '@electric-sql/pglite';
import { repoRoot } from '../../test/server-process.js';
import { compiledEntry } from '../../test/compiled-server.js';
import { dumpEmbedded } from './backup.js';

/**
 * Issue 14 item 6: `npm run db:restore -- <backup> <new folder>` makes the folder it is given
 * (however deep), and a refused restore prints one sentence that says why, never a stack trace.
 */
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cp-restore-cli-'));
const archive = path.join(work, 'backup.tar.gz');
const embedded = !process.env.DATABASE_URL;
beforeAll(async () => {
  if (!embedded) return;
  const pg = await PGlite.create();
  await pg.exec(`CREATE TABLE kept (n int); INSERT INTO kept VALUES (42);`);
  await dumpEmbedded(pg, archive);
  await pg.close();
});
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

const restore = (...args: string[]) =>
  spawnSync(process.execPath, [...compiledEntry('backup-cli'), 'restore', ...args], {
    cwd: repoRoot, encoding: 'utf8', env: { ...process.env, DATABASE_URL: '', DATA_DIR: path.join(work, 'unused') },
  });
const stackTrace = /\n\s+at /;

// The embedded restore only: a server database is restored by pg_restore (operations.test.ts).
describe.runIf(embedded)('npm run db:restore into a data folder', () => {
  it('creates a target folder that does not exist yet, with the backup in it, and refuses it once it holds data', async () => {
    const target = path.join(work, 'new', 'deeper', 'data');
    const run = restore(archive, target);
    expect(run.status, run.stderr).toBe(0);
    const pg = await PGlite.create(path.join(target, 'pg'));
    expect((await pg.query<{ n: number }>('SELECT n FROM kept')).rows).toEqual([{ n: 42 }]);
    await pg.close();

    const again = restore(archive, target);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/not empty/);
    expect(again.stderr).not.toMatch(stackTrace);
  });

  it('refuses a backup file that does not exist, naming it', () => {
    const missing = path.join(work, 'no-such-backup.tar.gz');
    const run = restore(missing, path.join(work, 'from-missing'));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(missing);
    expect(run.stderr).not.toMatch(stackTrace);
  });
});
