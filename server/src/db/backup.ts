import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { PGlite } from '@electric-sql/pglite';
import { pgliteExtensions } from './pglite-extensions.js';
import { acquireDataFolderLock } from './data-folder-lock.js';

/**
 * Backups of both kinds of database. A PostgreSQL server is dumped with pg_dump's custom format and
 * restored with pg_restore into an empty database; the embedded database's data folder is exported
 * as PGlite's own gzipped archive (the same files, consistent, taken by the one process that has it
 * open) and restored into a new data folder. A folder that a running server holds is refused by its
 * lock (data-folder-lock.ts): a second PGlite on live files would corrupt them.
 */
export function dumpServer(databaseUrl: string, file: string) {
  const r = spawnSync('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--file=${file}`, databaseUrl], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`pg_dump failed: ${r.stderr || r.error?.message}`);
}

export function restoreServer(databaseUrl: string, file: string) {
  const r = spawnSync('pg_restore', ['--no-owner', '--no-privileges', '--exit-on-error', `--dbname=${databaseUrl}`, file], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`pg_restore failed: ${r.stderr || r.error?.message}`);
}

export async function dumpEmbedded(pg: PGlite, file: string) {
  const archive = await pg.dumpDataDir('gzip');
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  fs.writeFileSync(file, Buffer.from(await archive.arrayBuffer()));
}

/** Restores an embedded archive in memory (to inspect or compare it). */
export async function restoreEmbedded(file: string) {
  return PGlite.create({ loadDataDir: new Blob([fs.readFileSync(file)]), extensions: pgliteExtensions });
}

/** A backup or restore the operator asked for that cannot be done as asked; its message says why. */
export class BackupRefusedError extends Error {
  name = 'BackupRefusedError';
}

/** Restores an embedded archive into a new, empty data folder (made if missing), holding that folder's lock while it writes. */
export async function restoreEmbeddedFolder(file: string, dataDir: string) {
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new BackupRefusedError(`The backup file ${file} does not exist.`);
  const lock = acquireDataFolderLock(dataDir);
  try {
    if (fs.existsSync(dataDir) && fs.readdirSync(dataDir).length) throw new BackupRefusedError(`${dataDir} is not empty; restore into a new folder.`);
    const pg = await PGlite.create(dataDir, { loadDataDir: new Blob([fs.readFileSync(file)]), extensions: pgliteExtensions });
    await pg.close();
  } finally {
    lock.release();
  }
}
