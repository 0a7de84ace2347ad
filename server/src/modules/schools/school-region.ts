import { inArray } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { complianceSummaries } from '../../db/schema/index.js';

/**
 * What follows a school into another region besides its own row: the compliance rows keep the
 * school's region (for the dashboards' region filters). Everything else (applications waiting for
 * regional review, facts, join requests) is scoped through schools.region_id and follows by itself.
 */
export async function regionFollows(tx: Tx, schoolIds: number[], regionId: number) {
  if (!schoolIds.length) return;
  await tx.update(complianceSummaries).set({ regionId }).where(inArray(complianceSummaries.schoolId, schoolIds));
}
