import { loadConfig } from '../config.js';
import { openDatabase, runMigrations } from './client.js';
import { DataFolderLockedError } from './data-folder-lock.js';
import { MigrationChangedError } from './migrations.js';
import { embeddedDataDir } from './open-configured.js';

const config = loadConfig();
try {
  const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: embeddedDataDir(config) });
  try {
    await runMigrations(database);
  } finally {
    await database.close();
  }
  console.log(`migrations applied (${database.kind})`);
} catch (e) {
  if (!(e instanceof DataFolderLockedError || e instanceof MigrationChangedError)) throw e;
  console.error(`Migrations not applied. ${e.message}`);
  process.exit(1);
}
