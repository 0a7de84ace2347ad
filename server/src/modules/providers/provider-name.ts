import { and, ne, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { providers } from '../../db/schema/index.js';
import { invalid } from '../../lib/errors.js';

/** One key for every check of provider names, so two saves of the same new name cannot both pass. */
const NAME_LOCK = 1_347_001;

/**
 * Refuses (400, naming the other provider) a name another provider has, ignoring case. Holds a
 * transaction lock until the caller's transaction ends, so the check and the save are one step.
 */
export async function checkNameFree(tx: Tx, name: string, exceptId?: number) {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${NAME_LOCK})`);
  const [other] = await tx.select({ id: providers.id, name: providers.name }).from(providers)
    .where(and(sql`lower(${providers.name}) = lower(${name})`, exceptId !== undefined ? ne(providers.id, exceptId) : undefined)).limit(1);
  if (other) throw invalid([{ field: 'name', code: 'provider_name_taken', params: { name: other.name, id: other.id } }]);
}
