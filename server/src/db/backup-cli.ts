import path from 'node:path';
import { loadConfig } from '../config.js';
import { openDatabase } from './client.js';
import { BackupRefusedError, dumpEmbedded, dumpServer, restoreEmbeddedFolder, restoreServer } from './backup.js';
import { DataFolderLockedError } from './data-folder-lock.js';
import { embeddedDataDir } from './open-configured.js';

/**
 * npm run db:backup -- <file>        backs up the configured database (DATABASE_URL, or the embedded one in DATA_DIR)
 * npm run db:restore -- <file> <target>  restores into an empty PostgreSQL database URL, or a new embedded data folder
 *
 * The embedded database can be backed up only while no other process has it open: its folder's lock refuses
 * this CLI while the server runs, and nothing is read or written then.
 */
const [command, file, target] = process.argv.slice(2);
const config = loadConfig();
try {
  if (command === 'backup' && file) {
    if (config.DATABASE_URL) dumpServer(config.DATABASE_URL, file);
    else {
      const database = await openDatabase({ dataDir: embeddedDataDir(config) });
      try {
        await dumpEmbedded(database.pglite!, file);
      } finally {
        await database.close();
      }
    }
    console.log(`backup written to ${file}`);
  } else if (command === 'restore' && file && target) {
    if (/^postgres(ql)?:\/\//.test(target)) restoreServer(target, file);
    else await restoreEmbeddedFolder(file, embeddedDataDir({ dataDir: path.resolve(target) }));
    console.log(`restored ${file} into ${target}`);
  } else {
    console.error('usage: backup <file> | restore <file> <empty postgres URL or new DATA_DIR>');
    process.exit(2);
  }
} catch (e) {
  if (!(e instanceof DataFolderLockedError || e instanceof BackupRefusedError)) throw e;
  console.error(`${command === 'backup' ? 'Backup' : 'Restore'} refused. ${e.message}`);
  if (command === 'backup') {
    console.error('The embedded database cannot be copied while the server has it open: stop the server, run the backup, then start the server again.');
  }
  process.exit(1);
}
