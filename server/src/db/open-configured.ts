import path from 'node:path';
import type { Config } from '../config.js';
import { openDatabase, runMigrations, type Database } from './client.js';

/** Opens the database the configuration names (PGlite under DATA_DIR, or DATABASE_URL) and migrates it. */
export async function openConfiguredDatabase(config: Config): Promise<Database> {
  const database = await openDatabase({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.embedded ? path.join(config.dataDir, 'pg') : undefined,
    poolMax: config.DB_POOL_MAX,
  });
  await runMigrations(database);
  return database;
}
