import { eq, sql } from 'drizzle-orm';
import type { Actor } from '@campus/common';
import type { Db, Tx } from '../../db/client.js';
import { schools } from '../../db/schema/index.js';
import { appendAudit } from '../audit/audit-repository.js';
import { changesBetween } from '../audit/field-changes.js';
import { notFound } from '../../lib/errors.js';
import { refused } from '../../lib/refusals.js';
import { auditedSchool, checkNameFree, resolveRegion, type SchoolRow } from './create-school.js';
import type { SchoolUpdate } from './school-schemas.js';
import { regionFollows } from './school-region.js';

type Changes = Omit<SchoolUpdate, 'version' | 'id' | 'tier' | 'status' | 'createdAt' | 'updatedAt'>;

/**
 * Applies an edit to a locked school row in the caller's transaction: the name stays unique, a new
 * province brings its region (unless HQ names one), and the audit event records each changed field
 * (`action` update, or deactivate/reactivate for the actions). Returns the row unchanged, and writes
 * nothing, when nothing changes.
 */
export async function applySchoolEdit(tx: Tx, actor: Actor | null, current: SchoolRow, input: Changes, action: 'update' | 'deactivate' | 'reactivate' = 'update', via?: 'import') {
  const next = { ...current };
  for (const key of ['name', 'nameEn', 'city', 'kind', 'contactName', 'contactEmail', 'contactPhone', 'active'] as const) {
    if (input[key] !== undefined) (next as Record<string, unknown>)[key] = input[key];
  }
  if (input.name !== undefined && input.name !== current.name) await checkNameFree(tx, input.name, current.id);
  const provinceChanges = input.province !== undefined && input.province !== current.province;
  const regionNamed = input.regionId != null && input.regionId !== current.regionId;
  if (provinceChanges || regionNamed) {
    next.province = input.province ?? current.province;
    // A province that changes brings its own region unless HQ names another; an unchanged province keeps HQ's earlier override.
    const named = regionNamed ? input.regionId ?? null : provinceChanges ? null : current.regionId;
    next.regionId = await resolveRegion(tx, { province: next.province, regionId: named }, actor);
  }
  const changes = changesBetween(auditedSchool(current), auditedSchool(next));
  if (!Object.keys(changes).length) return current;
  const [after] = await tx.update(schools).set({
    name: next.name, nameEn: next.nameEn, province: next.province, regionId: next.regionId, city: next.city, kind: next.kind,
    contactName: next.contactName, contactEmail: next.contactEmail, contactPhone: next.contactPhone, active: next.active,
    version: current.version + 1, updatedAt: sql`now()`,
  }).where(eq(schools.id, current.id)).returning();
  if (after.regionId !== current.regionId) await regionFollows(tx, [current.id], after.regionId);
  await appendAudit(tx, action === 'update'
    ? { entityType: 'school', entityId: current.id, action, actorId: actor?.id ?? null, schoolId: current.id, data: { changes, ...(via ? { via } : {}) } }
    : { entityType: 'school', entityId: current.id, action, actorId: actor?.id ?? null, schoolId: current.id });
  return after;
}

/** Locks a school for an edit: 404 when absent, 409 when the editor's version is stale. */
export async function lockSchool(tx: Tx, id: number, version: number) {
  const [current] = await tx.select().from(schools).where(eq(schools.id, id)).for('update');
  if (!current) throw notFound('school');
  if (current.version !== version) throw refused('stale_version', 'stale_version');
  return current;
}

/** HQ edits a school (PUT /api/schools/:id): versioned, one transaction with its audit event. */
export async function updateSchool(db: Db, actor: Actor, id: number, input: SchoolUpdate) {
  const { version, id: _i, tier: _t, status: _s, createdAt: _c, updatedAt: _u, ...changes } = input;
  return db.transaction(async (tx) => applySchoolEdit(tx, actor, await lockSchool(tx, id, version), changes));
}

/** HQ deactivates or reactivates a school: a school with records is never deleted, it is deactivated. */
export async function setSchoolActive(db: Db, actor: Actor, id: number, active: boolean, version: number) {
  return db.transaction(async (tx) => {
    const current = await lockSchool(tx, id, version);
    return applySchoolEdit(tx, actor, current, { active }, active ? 'reactivate' : 'deactivate');
  });
}
