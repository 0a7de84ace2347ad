import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import { migrationsFolder, openDatabase, runMigrations, type Database } from '../src/db/client.js';
import { pgliteExtensions } from '../src/db/pglite-extensions.js';

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or a new database on
 * the PostgreSQL server of DATABASE_URL (dropped again on close), so that the same suite proves
 * both drivers.
 *
 * Migrating is done once, not per file: the first file to need it migrates a template (a dump of a
 * migrated PGlite data directory in the temporary folder; a template database on the server), and
 * every file starts from a copy of it. A new PGlite runs initdb (seconds on a busy machine); loading
 * a dump skips it. The template is named by a hash of the migrations and the PGlite version, so a
 * new migration makes a new template and an old one is never used.
 */
export async function createTestDatabase(): Promise<Database & { url?: string }> {
  const serverUrl = process.env.DATABASE_URL;
  return serverUrl ? createServerDatabase(serverUrl) : createEmbeddedDatabase();
}

/** What the migrated schema depends on: every file of the migrations folder, and the PGlite build. */
function templateKey(): string {
  const hash = crypto.createHash('sha256');
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else hash.update(path.relative(migrationsFolder, file)).update('\0').update(fs.readFileSync(file)).update('\0');
    }
  };
  walk(migrationsFolder);
  hash.update(`pglite ${pgliteVersion()}`);
  return hash.digest('hex').slice(0, 16);
}

function pgliteVersion(): string {
  let dir = path.dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
  for (;;) {
    const file = path.join(dir, 'package.json');
    if (fs.existsSync(file)) {
      const pkg = JSON.parse(fs.readFileSync(file, 'utf8')) as { name?: string; version: string };
      if (pkg.name === '@electric-sql/pglite') return pkg.version;
    }
    if (path.dirname(dir) === dir) throw new Error('the @electric-sql/pglite package.json was not found');
    dir = path.dirname(dir);
  }
}

let embeddedTemplate: Promise<Blob> | undefined;

/** The dump of a migrated embedded database, made once per set of migrations and kept in the temporary folder. */
function migratedDump(): Promise<Blob> {
  embeddedTemplate ??= (async () => {
    const file = path.join(os.tmpdir(), `cp-test-template-${templateKey()}.tar`);
    if (fs.existsSync(file)) return new Blob([new Uint8Array(fs.readFileSync(file))]);
    const database = await openDatabase({});
    try {
      await runMigrations(database);
      const dump = await database.pglite!.dumpDataDir('none');
      // Written under a name of its own and renamed, so a file running beside this one never reads half a dump.
      const partial = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}`;
      fs.writeFileSync(partial, new Uint8Array(await dump.arrayBuffer()));
      fs.renameSync(partial, file);
      return dump;
    } finally {
      await database.close();
    }
  })();
  return embeddedTemplate;
}

async function createEmbeddedDatabase(): Promise<Database> {
  const pglite = await PGlite.create({ loadDataDir: await migratedDump(), extensions: pgliteExtensions });
  const database = await openDatabase({ pglite });
  return {
    ...database,
    close: async () => {
      await database.close();
      if (!pglite.closed) await pglite.close();
    },
  };
}

/**
 * A migrated embedded data folder at `dir` (what the server opens as DATA_DIR/pg), loaded from the template: for tests
 * that start the server process on a known database instead of a first start or the demo seed. Close it before the
 * server opens the folder.
 */
export async function createTestDataFolder(dir: string): Promise<Database> {
  fs.mkdirSync(dir, { recursive: true });
  const pglite = await PGlite.create(dir, { loadDataDir: await migratedDump(), extensions: pgliteExtensions });
  const database = await openDatabase({ pglite });
  return {
    ...database,
    close: async () => {
      await database.close();
      if (!pglite.closed) await pglite.close();
    },
  };
}

const admin = (serverUrl: string) => postgres(serverUrl, { max: 1, onnotice: () => {} });
const databaseUrl = (serverUrl: string, name: string) => {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
};

/** A migrated template database on the server, made once per set of migrations (under an advisory lock, so once). */
async function serverTemplate(serverUrl: string): Promise<string> {
  const name = `cp_test_template_${templateKey()}`;
  const sql = admin(serverUrl);
  try {
    await sql`SELECT pg_advisory_lock(hashtext(${name}))`;
    const [found] = await sql`SELECT 1 FROM pg_database WHERE datname = ${name}`;
    if (!found) {
      const building = `${name}_building`;
      await sql.unsafe(`DROP DATABASE IF EXISTS ${building} WITH (FORCE)`);
      await sql.unsafe(`CREATE DATABASE ${building}`);
      const database = await openDatabase({ databaseUrl: databaseUrl(serverUrl, building), poolMax: 1 });
      try {
        await runMigrations(database);
      } finally {
        await database.close();
      }
      await sql.unsafe(`ALTER DATABASE ${building} RENAME TO ${name}`);
    }
    await sql`SELECT pg_advisory_unlock(hashtext(${name}))`;
    return name;
  } finally {
    await sql.end();
  }
}

async function createServerDatabase(serverUrl: string): Promise<Database & { url: string }> {
  const template = await serverTemplate(serverUrl);
  const name = `cp_test_${crypto.randomBytes(6).toString('hex')}`;
  const sql = admin(serverUrl);
  try {
    await sql.unsafe(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  } finally {
    await sql.end();
  }
  const url = databaseUrl(serverUrl, name);
  const database = await openDatabase({ databaseUrl: url, poolMax: 10 });
  const close = database.close;
  return {
    ...database,
    url,
    close: async () => {
      await close();
      const a = admin(serverUrl);
      await a.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}
