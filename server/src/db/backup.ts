import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { PGlite } from '@electric-sql/pglite';
import { pgliteExtensions } from './pglite-extensions.js';

/**
 * Backups of both kinds of database. A PostgreSQL server is dumped with pg_dump's custom format and
 * restored with pg_restore into an empty database; the embedded database's data folder is exported
 * as PGlite's own gzipped archive (the same files, consistent, taken while it is open) and restored
 * into a new data folder.
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

/** Restores an embedded archive into a new, empty data folder (or in memory when none is given). */
export async function restoreEmbedded(file: string, dataDir?: string) {
  if (dataDir && fs.existsSync(dataDir) && fs.readdirSync(dataDir).length) throw new Error(`${dataDir} is not empty; restore into a new folder.`);
  const blob = new Blob([fs.readFileSync(file)]);
  return PGlite.create(dataDir, { loadDataDir: blob, extensions: pgliteExtensions });
}
