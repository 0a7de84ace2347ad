import type { Db } from '../../server/src/db/client.js';

/** Placeholder until the demo data set lands: loads nothing. */
export async function seedDemoIfEmpty(_db: Db): Promise<boolean> {
  return false;
}
