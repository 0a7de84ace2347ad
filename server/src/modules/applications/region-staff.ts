import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { schools, userRegions, users } from '../../db/schema/index.js';

/** How many active regional staff each of these regions has (regions without any are absent). */
export async function activeStaffByRegion(db: Executor, regionIds: number[]): Promise<Map<number, number>> {
  if (!regionIds.length) return new Map();
  const rows = await db.select({ regionId: userRegions.regionId, n: sql<number>`count(*)`.mapWith(Number) })
    .from(userRegions).innerJoin(users, eq(users.id, userRegions.userId))
    .where(and(inArray(userRegions.regionId, [...new Set(regionIds)]), eq(users.role, 'regional'), eq(users.active, true)))
    .groupBy(userRegions.regionId);
  return new Map(rows.map((r) => [r.regionId, r.n]));
}

/** The school's region and its active regional staff: what the table's HQ-for-region rows look at. */
export async function regionOfSchool(db: Executor, schoolId: number): Promise<{ id: number; activeStaff: number } | undefined> {
  const [s] = await db.select({ regionId: schools.regionId }).from(schools).where(eq(schools.id, schoolId));
  if (!s) return undefined;
  return { id: s.regionId, activeStaff: (await activeStaffByRegion(db, [s.regionId])).get(s.regionId) ?? 0 };
}
