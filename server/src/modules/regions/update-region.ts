import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Actor } from '@campus/common';
import type { Db, Tx } from '../../db/client.js';
import { regions, schools } from '../../db/schema/index.js';
import { appendAudit } from '../audit/audit-repository.js';
import { changesBetween } from '../audit/field-changes.js';
import { invalid, notFound } from '../../lib/errors.js';
import { refused } from '../../lib/refusals.js';
import { regionFollows } from '../schools/school-region.js';
import type { RegionUpdate } from './region-schemas.js';

type RegionRow = typeof regions.$inferSelect;
const audited = (r: RegionRow) => ({ nameZh: r.nameZh, nameEn: r.nameEn, provinces: r.provinces, sortOrder: r.sortOrder });

function checkInput(input: RegionUpdate, others: RegionRow[]) {
  const seen = new Set<string>();
  for (const p of input.provinces ?? []) {
    if (seen.has(p)) throw invalid([{ field: 'provinces', code: 'province_twice', params: { province: p } }]);
    seen.add(p);
  }
  for (const field of ['nameZh', 'nameEn'] as const) {
    const name = input[field];
    if (name !== undefined && others.some((o) => o[field] === name)) throw invalid([{ field, code: 'region_name_taken', params: { name } }]);
  }
}

/** The schools of a province that move with it: those in the region that listed it (a school HQ placed in a third region stays). */
async function schoolsToMove(tx: Tx, province: string, fromRegion: number | undefined, toRegion: number) {
  const where = fromRegion !== undefined
    ? and(eq(schools.province, province), eq(schools.regionId, fromRegion))
    : and(eq(schools.province, province), sql`${schools.regionId} <> ${toRegion}`);
  return tx.select({ id: schools.id, regionId: schools.regionId }).from(schools).where(where).orderBy(schools.id).for('update');
}

/** Moves schools into a region, their compliance rows with them, each audited with the region event that moved it. */
async function moveSchools(tx: Tx, actor: Actor, moving: { id: number; regionId: number; province: string }[], toRegion: number, regionEventId: number) {
  if (!moving.length) return;
  const ids = moving.map((s) => s.id);
  await tx.update(schools).set({ regionId: toRegion, version: sql`${schools.version} + 1`, updatedAt: sql`now()` }).where(inArray(schools.id, ids));
  await regionFollows(tx, ids, toRegion);
  for (const s of moving) {
    await appendAudit(tx, {
      entityType: 'school', entityId: s.id, action: 'move_region', actorId: actor.id, schoolId: s.id,
      data: { changes: { regionId: { from: s.regionId, to: toRegion } }, province: s.province, regionEventId },
    });
  }
}

/**
 * HQ edits a region (PUT /api/regions/:id): names and provinces, versioned, one transaction. A province
 * added here leaves the region that listed it (that region's version moves on and its change is
 * audited too), and the province's schools move here with it: their compliance rows and the regional
 * queues follow, and each moved school gets a `move_region` event naming the region's event.
 * A province removed from every region leaves its schools where they are.
 */
export async function updateRegion(db: Db, actor: Actor, id: number, input: RegionUpdate) {
  return db.transaction(async (tx) => {
    // every region, locked in id order: a province move changes two of them, and two edits at once must not deadlock
    const all = await tx.select().from(regions).orderBy(regions.id).for('update');
    const current = all.find((r) => r.id === id);
    if (!current) throw notFound('region');
    if (current.version !== input.version) throw refused('stale_version', 'stale_version');
    const others = all.filter((r) => r.id !== id);
    checkInput(input, others);

    const next: RegionRow = {
      ...current,
      ...(input.nameZh !== undefined ? { nameZh: input.nameZh } : {}),
      ...(input.nameEn !== undefined ? { nameEn: input.nameEn } : {}),
      ...(input.provinces !== undefined ? { provinces: input.provinces } : {}),
      ...(input.sortOrder !== undefined ? { sortOrder: input.sortOrder } : {}),
    };
    const changes = changesBetween(audited(current), audited(next));
    if (!Object.keys(changes).length) return current;

    const added = next.provinces.filter((p) => !current.provinces.includes(p));
    const previousOwner = new Map<string, RegionRow>();
    for (const p of added) {
      const owner = others.find((o) => o.provinces.includes(p));
      if (owner) previousOwner.set(p, owner);
    }
    // the regions that lose a province first, each audited
    for (const loser of new Set(previousOwner.values())) {
      const provinces = loser.provinces.filter((p) => !added.includes(p));
      await tx.update(regions).set({ provinces, version: loser.version + 1, updatedAt: sql`now()` }).where(eq(regions.id, loser.id));
      await appendAudit(tx, {
        entityType: 'region', entityId: loser.id, action: 'update', actorId: actor.id,
        data: { changes: { provinces: { from: loser.provinces, to: provinces } } },
      });
    }
    const moving: { id: number; regionId: number; province: string }[] = [];
    for (const p of added) moving.push(...(await schoolsToMove(tx, p, previousOwner.get(p)?.id, id)).map((m) => ({ ...m, province: p })));
    const [after] = await tx.update(regions).set({
      nameZh: next.nameZh, nameEn: next.nameEn, provinces: next.provinces, sortOrder: next.sortOrder,
      version: current.version + 1, updatedAt: sql`now()`,
    }).where(eq(regions.id, id)).returning();
    const eventId = await appendAudit(tx, {
      entityType: 'region', entityId: id, action: 'update', actorId: actor.id,
      data: { changes, ...(moving.length ? { movedSchools: moving.map((m) => m.id) } : {}) },
    });
    await moveSchools(tx, actor, moving, id, eventId);
    return after;
  });
}
