import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { notifications } from '../../db/schema/index.js';
import { queryRows } from '../../db/raw.js';

/**
 * Tells who reviews a join request that it waits for them: the active regional staff of the region
 * that lists its province, and HQ. (The notifications module's notify() finds reviewers through a
 * school; a join request has none yet, only its province.)
 */
export async function notifyJoinReviewers(db: Executor, request: { id: number; province: string; schoolName: string; tier: string }, kind: string): Promise<number> {
  const found = await queryRows<{ id: number }>(db, sql`
    SELECT u.id FROM users u WHERE u.active AND (
      u.role = 'hq'
      OR (u.role = 'regional' AND EXISTS (
        SELECT 1 FROM user_regions ur JOIN regions r ON r.id = ur.region_id
        WHERE ur.user_id = u.id AND ${request.province} = ANY(r.provinces))))
    ORDER BY u.id`);
  if (!found.length) return 0;
  await db.insert(notifications).values(found.map((u) => ({
    userId: Number(u.id), kind, entityType: 'join_request', entityId: request.id,
    params: { schoolName: request.schoolName, tier: request.tier, province: request.province },
  })));
  return found.length;
}
