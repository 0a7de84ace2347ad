import type { Tx } from '../../db/client.js';
import { recomputeSchools } from '../compliance/recompute.js';

/**
 * Compliance follows every agreement change (issue 13 item 5): an agreement created, activated,
 * imported, terminated, superseded, renewed or expired moves the school's agreement years, so its
 * compliance summaries are recomputed in the caller's transaction, never left for the daily refresh.
 * Every path that changes an agreement calls this one function (the agreement actions' and the
 * evaluation decisions' `recomputeCompliance` effect, hq_approve's new agreement, the import).
 */
export function complianceFollowsAgreement(tx: Tx, schoolIds: number | number[], today: string) {
  return recomputeSchools(tx, Array.isArray(schoolIds) ? schoolIds : [schoolIds], today);
}
