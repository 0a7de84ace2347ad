import { getTableColumns, is, sql, SQL } from 'drizzle-orm';
import { CasingCache } from 'drizzle-orm/casing';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Tx } from '../../db/client.js';
import { queryRows } from '../../db/raw.js';

/** The database's column names, as the drizzle instances name them (casing: 'snake_case', db/client.ts). */
const casing = new CasingCache('snake_case');

type Primitive = string | number | boolean | null;
const primitive = (v: unknown): v is Primitive =>
  v === null || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v)) || (typeof v === 'string' && !v.includes('\u0000'));
/** Values that travel as JSON unchanged: what jsonb_populate_recordset reads back into the column's type. */
const plain = (v: unknown) => primitive(v) || (Array.isArray(v) && v.every(primitive));

/**
 * Inserts rows and returns their ids, in order. Rows of plain values (every row the same columns)
 * go as one JSON parameter read by jsonb_populate_recordset, which costs the embedded database
 * about half of what thousands of bound parameters do; anything else (SQL expressions such as
 * now(), defaults left out in some rows) goes through drizzle's insert.
 */
export async function insertRows(tx: Tx, table: PgTable, idColumn: PgColumn, rows: Record<string, unknown>[]): Promise<number[]> {
  if (!rows.length) return [];
  const columns = getTableColumns(table) as Record<string, PgColumn>;
  const keys = Object.keys(rows[0]);
  const asJson = keys.every((k) => Object.hasOwn(columns, k))
    && rows.every((r) => { const own = Object.keys(r); return own.length === keys.length && keys.every((k) => Object.hasOwn(r, k) && plain(r[k])); });
  if (!asJson || is(idColumn, SQL)) {
    const inserted = await tx.insert(table).values(rows as never).returning({ id: idColumn });
    return inserted.map((r) => r.id as number);
  }
  const names = keys.map((k) => casing.getColumnCasing(columns[k]));
  const json = JSON.stringify(rows.map((r) => Object.fromEntries(keys.map((k, i) => [names[i], r[k]]))));
  const list = sql.join(names.map((n) => sql.identifier(n)), sql`, `);
  const inserted = await queryRows<{ id: number }>(tx, sql`insert into ${table} (${list})
    select ${list} from jsonb_populate_recordset(null::${table}, ${json}::jsonb)
    returning ${sql.identifier(casing.getColumnCasing(idColumn))} as id`);
  return inserted.map((r) => Number(r.id));
}
