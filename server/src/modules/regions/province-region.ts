import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { regions } from '../../db/schema/index.js';

/** The region that lists a province (a province belongs to exactly one region), or undefined. */
export async function regionOfProvince(db: Executor, province: string): Promise<{ id: number } | undefined> {
  const [row] = await db.select({ id: regions.id }).from(regions).where(sql`${province} = ANY(${regions.provinces})`).limit(1);
  return row;
}

/** Every province the regions list, with its region: the import and the forms check against it. */
export async function provinceRegions(db: Executor): Promise<Map<string, number>> {
  const rows = await db.select({ id: regions.id, provinces: regions.provinces }).from(regions);
  const map = new Map<string, number>();
  for (const r of rows) for (const p of r.provinces) map.set(p, r.id);
  return map;
}
