import type { SQL } from 'drizzle-orm';
import type { Executor } from './client.js';

/** Runs raw SQL and returns its rows on either driver (PGlite answers { rows }, postgres.js an array). */
export async function queryRows<T = Record<string, unknown>>(db: Executor, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown;
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
