import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import postgres from 'postgres';
import { sql } from 'drizzle-orm';
import { migrationsFolder, openDatabase, runMigrations } from './client.js';
import { createTestDatabase } from '../../test/test-database.js';
import { MigrationChangedError } from './migrations.js';
import { queryRows } from './raw.js';

const serverUrl = process.env.DATABASE_URL;
const journalLength = () => (JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] }).entries.length;

/** Fresh, empty databases on the server, dropped after the file. */
const made: string[] = [];
async function emptyServerDatabase(): Promise<string> {
  const name = `cp_migrate_${crypto.randomBytes(5).toString('hex')}`;
  const admin = postgres(serverUrl!, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  await admin.end();
  made.push(name);
  const url = new URL(serverUrl!);
  url.pathname = `/${name}`;
  return url.toString();
}
afterAll(async () => {
  if (!made.length) return;
  const admin = postgres(serverUrl!, { max: 1, onnotice: () => {} });
  for (const name of made) await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
});

describe.skipIf(!serverUrl)('processes starting together on one empty server database', () => {
  it('all six migrate without an error, and every migration is applied once', async () => {
    const url = await emptyServerDatabase();
    const databases = await Promise.all(Array.from({ length: 6 }, () => openDatabase({ databaseUrl: url, poolMax: 2 })));
    try {
      const outcomes = await Promise.allSettled(databases.map((d) => runMigrations(d)));
      expect(outcomes.filter((o) => o.status === 'rejected').map((o) => String((o as PromiseRejectedResult).reason))).toEqual([]);
      const [{ n }] = await queryRows<{ n: number }>(databases[0].db, sql`SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations`);
      expect(n).toBe(journalLength());
    } finally {
      await Promise.all(databases.map((d) => d.close()));
    }
  });
});

describe('applied migrations are checked against their files at start', () => {
  it('a migration file edited after it was applied stops the start with a message naming the file', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'cp-migrations-'));
    fs.cpSync(migrationsFolder, folder, { recursive: true });
    const database = await createTestDatabase(); // migrated with the same files
    try {
      await runMigrations(database, folder); // unchanged files: nothing to say, nothing to do
      const edited = path.join(folder, '0002_compliance_summaries.sql');
      fs.appendFileSync(edited, '\n-- an edit after the fact\n');
      const refused = await runMigrations(database, folder).then(() => undefined, (e: unknown) => e);
      expect(refused).toBeInstanceOf(MigrationChangedError);
      expect((refused as Error).message).toContain('0002_compliance_summaries.sql');
      expect((refused as MigrationChangedError).files).toEqual(['0002_compliance_summaries.sql']);
    } finally {
      await database.close();
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});
