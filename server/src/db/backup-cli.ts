import path from 'node:path';
import { loadConfig } from '../config.js';
import { openDatabase } from './client.js';
import { dumpEmbedded, dumpServer, restoreEmbedded, restoreServer } from './backup.js';

/**
 * npm run db:backup -- <file>        backs up the configured database (DATABASE_URL, or the embedded one in DATA_DIR)
 * npm run db:restore -- <file> <target>  restores into an empty PostgreSQL database URL, or a new embedded data folder
 */
const [command, file, target] = process.argv.slice(2);
const config = loadConfig();
if (command === 'backup' && file) {
  if (config.DATABASE_URL) dumpServer(config.DATABASE_URL, file);
  else {
    const database = await openDatabase({ dataDir: path.join(config.dataDir, 'pg') });
    await dumpEmbedded(database.pglite!, file);
    await database.close();
  }
  console.log(`backup written to ${file}`);
} else if (command === 'restore' && file && target) {
  if (/^postgres(ql)?:\/\//.test(target)) restoreServer(target, file);
  else (await restoreEmbedded(file, path.join(path.resolve(target), 'pg'))).close();
  console.log(`restored ${file} into ${target}`);
} else {
  console.error('usage: backup <file> | restore <file> <empty postgres URL or new DATA_DIR>');
  process.exit(2);
}
