import path from 'node:path';
import type { Config } from '../config.js';
import { openDatabase, runMigrations, type Database } from './client.js';

/**
 * Opens the database the configuration names (PGlite under DATA_DIR, or DATABASE_URL) and migrates it.
 * The embedded folder is locked for this process until close() or exit; a folder another process holds is
 * refused with DataFolderLockedError, before anything in it is read.
 */
export async function openConfiguredDatabase(config: Config): Promise<Database> {
  const database = await openDatabase({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.embedded ? embeddedDataDir(config) : undefined,
    poolMax: config.DB_POOL_MAX,
  });
  try {
    await runMigrations(database);
  } catch (e) {
    await database.close().catch(() => {});
    throw e;
  }
  return database;
}

/** The embedded database's data folder: `<DATA_DIR>/pg`. */
export function embeddedDataDir(config: Pick<Config, 'dataDir'>) {
  return path.join(config.dataDir, 'pg');
}
