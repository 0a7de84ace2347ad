import { loadConfig } from '../config.js';
import { openDatabase, runMigrations } from './client.js';
import path from 'node:path';

const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: path.join(config.dataDir, 'pg') });
await runMigrations(database);
await database.close();
console.log(`migrations applied (${database.kind})`);
