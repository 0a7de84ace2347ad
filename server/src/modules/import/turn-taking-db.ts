import { setImmediate as nextTurn } from 'node:timers/promises';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import type { PGlite } from '@electric-sql/pglite';
import * as schema from '../../db/schema/index.js';
import type { Database, Db } from '../../db/client.js';

const cache = new WeakMap<PGlite, Db>();

/**
 * The database for a long series of reads outside a transaction (an import's lookups). The
 * embedded database runs each query on this thread and answers without an event-loop turn, so a
 * series of awaited queries holds every other request until its end; here each query first gives
 * other requests a turn, and their queries go in between. On a PostgreSQL server this is the
 * database itself.
 */
export function turnTakingDb(database: Database): Db {
  const pg = database.pglite;
  if (database.kind !== 'embedded' || !pg) return database.db;
  let db = cache.get(pg);
  if (!db) {
    const taking = new Proxy(pg, {
      get(target, property) {
        const value = Reflect.get(target, property, target) as unknown;
        if (property === 'query' || property === 'exec') {
          return async (...args: unknown[]) => {
            await nextTurn();
            return (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
          };
        }
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    db = drizzlePglite(taking, { schema, casing: 'snake_case' }) as unknown as Db;
    cache.set(pg, db);
  }
  return db;
}
