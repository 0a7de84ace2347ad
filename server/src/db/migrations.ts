import fs from 'node:fs';
import path from 'node:path';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import type { Database } from './client.js';
import { queryRows } from './raw.js';

/**
 * Any number of processes may start at once on one empty database: the first takes this
 * session-level advisory lock and migrates, the others wait for it and then find nothing to do.
 * (The number is arbitrary; it only has to be the same in every process of this product.)
 */
export const MIGRATION_LOCK_KEY = 7_142_026_001;

/** An applied migration whose file no longer reads as it did when it was applied. */
export class MigrationChangedError extends Error {
  constructor(readonly files: string[]) {
    super(
      `The migration file${files.length > 1 ? 's' : ''} ${files.join(', ')} changed after ${files.length > 1 ? 'they were' : 'it was'} applied to this database. ` +
        'A migration that has run is never edited: restore the file from the release this database was migrated with, ' +
        'and put the change in a new migration (npm run db:generate).',
    );
    this.name = 'MigrationChangedError';
  }
}

interface Journal { entries: { idx: number; when: number; tag: string }[] }

/**
 * Compares the migrations this database has applied (drizzle's `__drizzle_migrations`: each file's
 * SHA-256 and its journal time) with the files in the folder; throws naming every file that changed.
 * A database without the table has applied nothing, which is fine.
 */
export async function checkAppliedMigrations(database: Database, folder: string): Promise<void> {
  const [{ present }] = await queryRows<{ present: boolean }>(database.db, sql`SELECT to_regclass('drizzle.__drizzle_migrations') IS NOT NULL AS present`);
  if (!present) return;
  const applied = await queryRows<{ hash: string; created_at: string | number }>(database.db, sql`SELECT hash, created_at FROM drizzle.__drizzle_migrations`);
  const journal = JSON.parse(fs.readFileSync(path.join(folder, 'meta', '_journal.json'), 'utf8')) as Journal;
  const files = readMigrationFiles({ migrationsFolder: folder });
  const byTime = new Map(files.map((f, i) => [f.folderMillis, { hash: f.hash, file: `${journal.entries[i].tag}.sql` }]));
  const changed = applied
    .map((row) => ({ row, file: byTime.get(Number(row.created_at)) }))
    .filter(({ row, file }) => file && file.hash !== row.hash)
    .map(({ file }) => file!.file);
  if (changed.length) throw new MigrationChangedError(changed);
}

/**
 * Applies the migrations not yet applied, after checking the applied ones against their files. On a
 * PostgreSQL server this runs on one connection of its own holding the advisory lock, so processes
 * started together migrate one after another; the embedded folder is one process's already (its lock file).
 */
export async function runMigrations(database: Database, folder: string): Promise<void> {
  if (database.kind === 'embedded') {
    await checkAppliedMigrations(database, folder);
    await migratePglite(database.db as never, { migrationsFolder: folder });
    return;
  }
  if (!database.url) throw new Error('runMigrations: a server database needs its URL');
  const one = postgres(database.url, { max: 1, onnotice: () => {}, connection: { TimeZone: 'Asia/Shanghai' } });
  try {
    await one`SELECT pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
    await checkAppliedMigrations(database, folder);
    await migratePostgres(drizzlePostgres(one), { migrationsFolder: folder });
  } finally {
    // Ending the session releases its lock, also when a migration failed.
    await one.end({ timeout: 5 });
  }
}
