import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import type { Writable } from 'node:stream';
import type postgres from 'postgres';
import type { PGlite } from '@electric-sql/pglite';
import { COPY_COLUMNS, TABLES, type TableName } from './scale-generate.js';

/**
 * Where the scale generator's COPY text goes: PostgreSQL COPY … FROM STDIN through postgres.js (one
 * stream per table, open for the whole load, so that generation and loading overlap), or PGlite's
 * COPY … FROM '/dev/blob' (one statement per table and batch, in foreign-key order).
 */
export interface Sink {
  /** Takes one batch: the COPY text of each table. */
  write(batch: Partial<Record<TableName, string>>): Promise<void>;
  /** Ends every COPY and waits for the server to have stored it. */
  close(): Promise<void>;
  /** Gives up (after an error elsewhere): aborts the COPYs in flight. */
  abort(error: Error): void;
}

const copyStatement = (table: TableName, source: string) => `COPY ${table} (${COPY_COLUMNS[table].join(', ')}) FROM ${source}`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Copy { table: TableName; stream: Writable; pid: number; connection: postgres.ReservedSql }

/** A COPY … FROM STDIN on a connection of its own, whose backend pid is known (for the watchdog). */
async function openCopy(sql: postgres.Sql, table: TableName, connection?: postgres.ReservedSql): Promise<Copy> {
  const conn = connection ?? await sql.reserve();
  const [{ pid }] = await conn<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`;
  const stream = await conn.unsafe(copyStatement(table, 'STDIN')).writable();
  return { table, stream, pid, connection: conn };
}

async function writeCopy(copy: Copy, text: string) {
  if (!copy.stream.write(text)) await once(copy.stream, 'drain');
}

/**
 * Ends a COPY and waits for the server to have stored it. postgres.js loses an error that the
 * server reports after the end of the data (a foreign key checked at the end of the statement, a bad
 * row in the last chunk): its stream then never finishes. So the wait watches the backend too: idle
 * twice in a row while the stream is unfinished means the COPY failed.
 */
async function finishCopy(sql: postgres.Sql, copy: Copy) {
  copy.stream.end();
  const done = finished(copy.stream).then(() => true);
  let idle = 0;
  for (;;) {
    if (await Promise.race([done, sleep(1000).then(() => false)])) return;
    const [row] = await sql<{ state: string }[]>`SELECT state FROM pg_stat_activity WHERE pid = ${copy.pid}`;
    idle = !row || row.state.startsWith('idle') ? idle + 1 : 0;
    if (idle >= 2) throw new Error(`COPY into ${copy.table} failed on the server (the PostgreSQL log has the reason)`);
  }
}

/**
 * Bulk mode (no foreign keys on the loaded tables): one COPY per table open for the whole load, on
 * as many connections, so that the server stores one batch while the next is generated.
 * Sequential mode (foreign keys in place): each batch's tables one after the other in foreign-key
 * order, each COPY committed before the tables that refer to it.
 */
export function postgresSink(sql: postgres.Sql, mode: 'bulk' | 'sequential'): Sink {
  const copies = new Map<TableName, Promise<Copy>>();
  let single: postgres.ReservedSql | undefined;
  return {
    async write(batch) {
      if (mode === 'sequential') {
        single ??= await sql.reserve();
        for (const table of TABLES) {
          const text = batch[table];
          if (!text) continue;
          const copy = await openCopy(sql, table, single);
          await writeCopy(copy, text);
          await finishCopy(sql, copy);
        }
        return;
      }
      await Promise.all(Object.entries(batch).map(async ([table, text]) => {
        if (!text) return;
        let copy = copies.get(table as TableName);
        if (!copy) copies.set(table as TableName, (copy = openCopy(sql, table as TableName)));
        await writeCopy(await copy, text);
      }));
    },
    async close() {
      await Promise.all([...copies.values()].map(async (c) => {
        const copy = await c;
        await finishCopy(sql, copy);
        copy.connection.release();
      }));
      single?.release();
    },
    abort(error) {
      for (const c of copies.values()) void c.then((copy) => { copy.stream.destroy(error); copy.connection.release(); }, () => {});
      single?.release();
    },
  };
}

export function pgliteSink(pg: PGlite): Sink {
  return {
    async write(batch) {
      for (const table of TABLES) {
        const text = batch[table];
        if (text) await pg.query(copyStatement(table, `'/dev/blob'`), [], { blob: new Blob([text]) });
      }
    },
    async close() {},
    abort() {},
  };
}

/** What the bulk load takes away and puts back afterwards, as the migrations defined it. */
export interface BulkDefinitions {
  indexes: { name: string; table: string; def: string }[];
  foreignKeys: { name: string; table: string; def: string }[];
  tables: string[];
}

/**
 * Before a bulk load into empty tables on PostgreSQL: drops the loaded tables' secondary indexes
 * (those that back no constraint) and foreign keys, and turns autovacuum off on them; primary keys
 * and unique constraints stay. The definitions are read from the catalog, so that they come back
 * exactly as the migrations made them.
 */
export async function dropForBulkLoad(sql: postgres.Sql, tables: readonly string[]): Promise<BulkDefinitions> {
  const list = [...tables];
  const indexes = await sql<{ name: string; table: string; def: string }[]>`
    SELECT c.relname AS name, t.relname AS "table", pg_get_indexdef(i.indexrelid) AS def
    FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_class t ON t.oid = i.indrelid
    JOIN pg_namespace n ON n.oid = t.relnamespace
    WHERE n.nspname = 'public' AND t.relname = ANY(${list})
      AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
    ORDER BY t.relname, c.relname`;
  const foreignKeys = await sql<{ name: string; table: string; def: string }[]>`
    SELECT k.conname AS name, t.relname AS "table", pg_get_constraintdef(k.oid) AS def
    FROM pg_constraint k JOIN pg_class t ON t.oid = k.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace
    WHERE k.contype = 'f' AND n.nspname = 'public' AND t.relname = ANY(${list})
    ORDER BY t.relname, k.conname`;
  await sql.begin(async (tx) => {
    for (const fk of foreignKeys) await tx.unsafe(`ALTER TABLE "${fk.table}" DROP CONSTRAINT "${fk.name}"`);
    for (const ix of indexes) await tx.unsafe(`DROP INDEX "${ix.name}"`);
    for (const t of list) await tx.unsafe(`ALTER TABLE "${t}" SET (autovacuum_enabled = false)`);
  });
  return { indexes, foreignKeys, tables: list };
}

/**
 * Puts back what dropForBulkLoad took: the indexes (built from the loaded rows, with a large
 * maintenance_work_mem), then the foreign keys (each validated in one pass over its table).
 */
export async function restoreAfterBulkLoad(sql: postgres.Sql, defs: BulkDefinitions, log: (line: string) => void): Promise<void> {
  await sql.begin(async (tx) => {
    await tx.unsafe(`SET LOCAL maintenance_work_mem = '1GB'`);
    for (const ix of defs.indexes) {
      const t = performance.now();
      await tx.unsafe(ix.def);
      if (performance.now() - t > 1000) log(`  index ${ix.name}: ${seconds(performance.now() - t)}`);
    }
    for (const fk of defs.foreignKeys) {
      const t = performance.now();
      await tx.unsafe(`ALTER TABLE "${fk.table}" ADD CONSTRAINT "${fk.name}" ${fk.def}`);
      if (performance.now() - t > 1000) log(`  foreign key ${fk.name}: ${seconds(performance.now() - t)}`);
    }
  });
}

/** Autovacuum back on (after the load's own VACUUM ANALYZE). */
export async function resetAutovacuum(sql: postgres.Sql, tables: readonly string[]) {
  for (const t of tables) await sql.unsafe(`ALTER TABLE "${t}" RESET (autovacuum_enabled)`);
}

export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
