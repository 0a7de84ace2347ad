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

/**
 * Databases of this worker that a test file has closed, reset to the migrated template and kept for the next file:
 * loading the template's dump into a new PGlite (untar, then PostgreSQL's start) was about a second of CPU per file,
 * a quarter of the whole suite. A closed database is kept only when nothing but rows changed (resetToTemplate): a
 * file that altered the schema, ran ANALYZE, or closed PGlite itself gets a fresh one next time.
 */
const released: PGlite[] = [];
const keepAtMost = 2;
let template: { reusable: boolean; fingerprint: string; tables: string[]; sequences: string[] } | undefined;

async function createEmbeddedDatabase(): Promise<Database> {
  const reused = released.pop();
  const pglite = reused ?? await PGlite.create({ loadDataDir: await migratedDump(), extensions: pgliteExtensions });
  template ??= await describeTemplate(pglite);
  const database = await openDatabase({ pglite });
  return {
    ...database,
    close: async () => {
      await database.close();
      if (pglite.closed) return;
      if (released.length < keepAtMost && await resetToTemplate(pglite).catch(() => false)) released.push(pglite);
      else await pglite.close();
    },
  };
}

/**
 * What a freshly loaded template holds: its schema's fingerprint, and its tables and sequences. Only a template whose
 * tables are empty and whose sequences are unused can be reset by emptying them; any other is never reused.
 */
async function describeTemplate(pglite: PGlite) {
  const tables = (await pglite.query<{ name: string }>(`SELECT format('%I.%I', schemaname, tablename) AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`)).rows.map((r) => r.name);
  const sequences = (await pglite.query<{ name: string; used: boolean }>(`SELECT format('%I.%I', schemaname, sequencename) AS name, last_value IS NOT NULL AS used FROM pg_sequences WHERE schemaname = 'public'`)).rows;
  const rows = tables.length ? Number((await pglite.query<{ n: number }>(`SELECT ${tables.map((t) => `(SELECT count(*) FROM ${t})`).join(' + ')} AS n`)).rows[0].n) : 0;
  return {
    reusable: rows === 0 && !sequences.some((s) => s.used),
    fingerprint: await schemaFingerprint(pglite),
    tables,
    sequences: sequences.map((s) => s.name),
  };
}

/**
 * Everything besides the rows of the public tables that a test could have changed and the next file would notice:
 * every relation, column, default, constraint, index, trigger (and whether it is enabled), function body, type,
 * schema, role and database setting; the planner's statistics (ANALYZE); and the rows of the tables outside
 * public (drizzle's migration journal).
 */
async function schemaFingerprint(pglite: PGlite): Promise<string> {
  const other = (await pglite.query<{ name: string }>(
    `SELECT format('%I.%I', schemaname, tablename) AS name FROM pg_tables WHERE schemaname NOT IN ('public', 'pg_catalog', 'information_schema') ORDER BY 1`,
  )).rows.map((r) => r.name);
  const otherRows = other.map((t) => `UNION ALL SELECT ${quoteLiteral(`rows of ${t} `)} || coalesce(md5(string_agg(x::text, ',' ORDER BY x::text)), '') FROM ${t} x`).join('\n');
  const [row] = (await pglite.query<{ fingerprint: string }>(`
    SELECT md5(string_agg(item, E'\n' ORDER BY item)) AS fingerprint FROM (
      SELECT 'class ' || c.oid || ' ' || c.relname || ' ' || c.relkind::text || ' ' || coalesce(c.reloptions::text, '') || ' ' || c.relhastriggers AS item
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
      UNION ALL SELECT 'column ' || a.attrelid || ' ' || a.attname || ' ' || a.atttypid || ' ' || a.attnotnull || ' ' || a.atthasdef
        FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') AND a.attnum > 0 AND NOT a.attisdropped
      UNION ALL SELECT 'default ' || d.oid || ' ' || pg_get_expr(d.adbin, d.adrelid) FROM pg_attrdef d
      UNION ALL SELECT 'constraint ' || oid || ' ' || conname FROM pg_constraint
      UNION ALL SELECT 'trigger ' || oid || ' ' || tgname || ' ' || tgenabled::text FROM pg_trigger
      UNION ALL SELECT 'function ' || p.oid || ' ' || md5(coalesce(p.prosrc, '')) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
      UNION ALL SELECT 'type ' || t.oid FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
      UNION ALL SELECT 'rule ' || oid FROM pg_rewrite
      UNION ALL SELECT 'schema ' || oid || ' ' || nspname FROM pg_namespace
      UNION ALL SELECT 'extension ' || oid FROM pg_extension
      UNION ALL SELECT 'role ' || rolname FROM pg_roles
      UNION ALL SELECT 'setting ' || setdatabase || ' ' || setrole || ' ' || array_to_string(setconfig, ' ') FROM pg_db_role_setting
      UNION ALL SELECT 'statistics ' || count(*) FROM pg_statistic s JOIN pg_class c ON c.oid = s.starelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public'
      UNION ALL SELECT 'measured ' || count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.reltuples >= 0 AND c.relkind = 'r'
      ${otherRows}
    ) items`)).rows;
  return row.fingerprint;
}

const quoteLiteral = (text: string) => `'${text.split("'").join("''")}'`;

/**
 * Brings a database a test file has finished with back to the template: the session's state dropped (settings,
 * prepared statements, temporary tables, locks), every public table emptied and every sequence restarted, with the
 * triggers that refuse deleting audit events set aside for it. False (and the database is not to be reused) when
 * anything else differs from the template.
 */
async function resetToTemplate(pglite: PGlite): Promise<boolean> {
  if (!template?.reusable) return false;
  // One statement at a time: DISCARD ALL refuses to run inside the implicit transaction of a multi-statement string.
  await pglite.exec('ROLLBACK');
  await pglite.exec('DISCARD ALL');
  if (await schemaFingerprint(pglite) !== template.fingerprint) return false;
  await pglite.exec(`
    SET session_replication_role = replica;
    TRUNCATE ${template.tables.join(', ')} RESTART IDENTITY CASCADE;
    ${template.sequences.map((s) => `ALTER SEQUENCE ${s} RESTART;`).join(' ')}
    RESET session_replication_role;
  `);
  return true;
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
