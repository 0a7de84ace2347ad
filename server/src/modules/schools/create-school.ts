import { eq } from 'drizzle-orm';
import type { Actor } from '@campus/common';
import type { Tx } from '../../db/client.js';
import { regions, schools } from '../../db/schema/index.js';
import { appendAudit } from '../audit/audit-repository.js';
import { invalid } from '../../lib/errors.js';
import { regionOfProvince } from '../regions/province-region.js';
import { checkSchoolInput, type CheckedSchoolInput, type SchoolInput } from './school-input.js';

export type SchoolRow = typeof schools.$inferSelect;

/** 400 on `name` when another school has it, naming that school. */
export async function checkNameFree(tx: Tx, name: string, exceptId?: number) {
  const [other] = await tx.select({ id: schools.id, name: schools.name }).from(schools).where(eq(schools.name, name));
  if (other && other.id !== exceptId) throw invalid([{ field: 'name', code: 'school_name_taken', params: { name: other.name, id: other.id } }]);
}

/**
 * The school's region: the one HQ named, else the one that lists its province. The province must be
 * one a region lists; only HQ may place a school in another region than its province's.
 */
export async function resolveRegion(tx: Tx, input: Pick<CheckedSchoolInput, 'province' | 'regionId'>, actor: Actor | null): Promise<number> {
  const byProvince = await regionOfProvince(tx, input.province);
  if (!byProvince) throw invalid([{ field: 'province', code: 'province_unknown', params: { province: input.province } }]);
  if (input.regionId == null || input.regionId === byProvince.id) return byProvince.id;
  if (actor?.role !== 'hq') throw invalid([{ field: 'regionId', code: 'region_override_hq_only' }]);
  const [named] = await tx.select({ id: regions.id }).from(regions).where(eq(regions.id, input.regionId));
  if (!named) throw invalid([{ field: 'regionId', code: 'region_unknown', params: { id: input.regionId } }]);
  return named.id;
}

/**
 * Adds a school to the directory, in the caller's transaction, with its audit event. HQ's route, the
 * join requests (accepting one) and the import call it. Name unique (400 naming the other school),
 * province known (400), region from the province unless HQ overrides it.
 */
export async function createSchool(tx: Tx, input: SchoolInput, actor: Actor | null, how?: { via: 'join_request' | 'import'; sourceId?: number }): Promise<SchoolRow> {
  const v = checkSchoolInput(input);
  await checkNameFree(tx, v.name);
  const regionId = await resolveRegion(tx, v, actor);
  const [row] = await tx.insert(schools).values({
    name: v.name, nameEn: v.nameEn, province: v.province, regionId, city: v.city, kind: v.kind,
    contactName: v.contactName, contactEmail: v.contactEmail, contactPhone: v.contactPhone,
  }).returning();
  await appendAudit(tx, {
    entityType: 'school', entityId: row.id, action: 'create', actorId: actor?.id ?? null, schoolId: row.id,
    data: { values: auditedSchool(row), ...(how ? { via: how.via, ...(how.sourceId !== undefined ? { sourceId: how.sourceId } : {}) } : {}) },
  });
  return row;
}

/** The fields of a school an edit may change, as the audit records them. */
export function auditedSchool(row: SchoolRow) {
  return {
    name: row.name, nameEn: row.nameEn, province: row.province, regionId: row.regionId, city: row.city, kind: row.kind,
    contactName: row.contactName, contactEmail: row.contactEmail, contactPhone: row.contactPhone, active: row.active,
  };
}
