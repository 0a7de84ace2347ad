import fs from 'node:fs';
import path from 'node:path';
import { drizzle as drizzlePostgres, type PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import * as schema from './schema/index.js';
import { repoRoot } from '../lib/repo-root.js';
import { pgliteExtensions } from './pglite-extensions.js';
import { runMigrations as applyMigrations } from './migrations.js';
import { acquireDataFolderLock, type DataFolderLock } from './data-folder-lock.js';

export type Db = PostgresJsDatabase<typeof schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Either the database or an open transaction: repositories take this. */
export type Executor = Db | Tx;

export const migrationsFolder = path.join(repoRoot, 'migrations');

export interface Database {
  db: Db;
  kind: 'embedded' | 'postgres';
  close(): Promise<void>;
  /** The raw PGlite instance when embedded (for cloning in tests and dumps). */
  pglite?: PGlite;
  /** The raw postgres.js client when on a server (for COPY in the scale generator). */
  sql?: postgres.Sql;
  /** The server database's URL (migrations open a connection of their own on it). */
  url?: string;
}

export interface OpenOptions {
  databaseUrl?: string;
  /** PGlite data folder; undefined means in memory. */
  dataDir?: string;
  poolMax?: number;
  pglite?: PGlite;
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.databaseUrl) {
    const sql = postgres(opts.databaseUrl, {
      max: opts.poolMax ?? 10,
      onnotice: () => {},
      // Our statements are short OLTP queries; JIT compilation cost more than it saved (bench/README.md).
      connection: { TimeZone: 'Asia/Shanghai', jit: 'off' } as Record<string, string>,
    });
    const db = drizzlePostgres(sql, { schema, casing: 'snake_case' });
    return { db, kind: 'postgres', sql, url: opts.databaseUrl, close: () => sql.end({ timeout: 5 }) };
  }
  let pg = opts.pglite;
  const owned = !pg;
  // A data folder is opened by one process at a time, and the lock is taken before PGlite reads a byte of it:
  // a second PGlite on live files runs recovery and a checkpoint under the first one's feet (data-folder-lock.ts).
  let lock: DataFolderLock | undefined;
  if (!pg && opts.dataDir) lock = acquireDataFolderLock(opts.dataDir);
  try {
    if (!pg) {
      if (opts.dataDir) fs.mkdirSync(opts.dataDir, { recursive: true });
      pg = await PGlite.create(opts.dataDir, { extensions: pgliteExtensions });
    }
    await pg.exec(`SET TIME ZONE 'Asia/Shanghai'`);
  } catch (e) {
    if (owned && pg && !pg.closed) await pg.close().catch(() => {});
    lock?.release();
    throw e;
  }
  const db = drizzlePglite(pg, { schema, casing: 'snake_case' }) as unknown as Db;
  const open = pg;
  return {
    db, kind: 'embedded', pglite: open,
    close: async () => {
      if (owned && !open.closed) await open.close();
      lock?.release(); // not if closing failed: then the process's exit releases it
    },
  };
}

/** Applies the migrations under their lock, after checking the applied ones against their files (migrations.ts). */
export async function runMigrations(database: Database, folder = migrationsFolder): Promise<void> {
  await applyMigrations(database, folder);
}
