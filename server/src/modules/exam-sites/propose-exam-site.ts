import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '@campus/common';
import type { Db, Tx } from '../../db/client.js';
import { examSites, regions, schools } from '../../db/schema/index.js';
import { appendAudit } from '../audit/audit-repository.js';
import { changesBetween } from '../audit/field-changes.js';
import { forbidden, invalid, notFound } from '../../lib/errors.js';
import { refused } from '../../lib/refusals.js';
import { isProposer } from './exam-site-spec.js';
import type { ExamSiteCreate, ExamSiteUpdate } from './exam-site-input.js';

type ExamSiteRow = typeof examSites.$inferSelect;

/** The fields of a site an edit may change, as the audit records them. */
const audited = (r: ExamSiteRow) => ({
  name: r.name, schoolId: r.schoolId, regionId: r.regionId, address: r.address, capacity: r.capacity, kinds: r.kinds,
  contactName: r.contactName, contactPhone: r.contactPhone, contactEmail: r.contactEmail,
});

/** A venue's region: it exists, and regional staff name only one of theirs (400 on `regionId`). */
async function venueRegion(tx: Tx, actor: Actor, regionId: number | null): Promise<number> {
  if (regionId === null) throw invalid([{ field: 'regionId', code: 'required' }]);
  const [region] = await tx.select({ id: regions.id }).from(regions).where(eq(regions.id, regionId));
  if (!region) throw invalid([{ field: 'regionId', code: 'region_unknown', params: { id: regionId } }]);
  if (actor.role === 'regional' && !actor.regionIds.includes(regionId)) throw invalid([{ field: 'regionId', code: 'exam_site_region_not_yours', params: { regionId } }]);
  return regionId;
}

/**
 * Proposes an exam site, with its audit event: a school proposes its own school (the site is in its school's
 * region; naming another region is refused), HQ or regional staff a venue of a region (regional staff only in
 * their regions). The site waits for HQ's decision (`proposed`).
 */
export async function proposeExamSite(db: Db, actor: Actor, input: ExamSiteCreate): Promise<number> {
  return db.transaction(async (tx) => {
    let schoolId: number | null = null;
    let regionId: number;
    if (actor.role === 'school') {
      const [school] = await tx.select({ id: schools.id, regionId: schools.regionId }).from(schools).where(eq(schools.id, actor.schoolId ?? -1));
      if (!school) throw forbidden('exam_site_school_only');
      if (input.regionId !== null && input.regionId !== school.regionId) throw invalid([{ field: 'regionId', code: 'exam_site_school_only' }]);
      schoolId = school.id;
      regionId = school.regionId;
    } else {
      regionId = await venueRegion(tx, actor, input.regionId);
    }
    const [row] = await tx.insert(examSites).values({
      name: input.name, schoolId, regionId, address: input.address, capacity: input.capacity, kinds: input.kinds,
      contactName: input.contactName, contactPhone: input.contactPhone, contactEmail: input.contactEmail, createdBy: actor.id,
    }).returning();
    await appendAudit(tx, { entityType: 'exam_site', entityId: row.id, action: 'create', actorId: actor.id, schoolId, toState: row.status, data: { values: audited(row) } });
    return row.id;
  });
}

/**
 * Its proposer edits a site while it is proposed (versioned; one transaction with the audit event of the fields
 * that changed). The row is found through the actor's scope (404 outside it); a site no longer proposed is 409, an
 * actor who did not propose it 403.
 */
export async function updateExamSite(db: Db, actor: Actor, id: number, scopeWhere: SQL | undefined, input: ExamSiteUpdate) {
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(examSites).where(and(eq(examSites.id, id), scopeWhere)).for('update');
    if (!current) throw notFound('exam site');
    if (!isProposer(actor, current)) throw forbidden({ code: 'exam_site_not_editable', params: { state: current.status } });
    if (current.version !== input.version) throw refused('stale_version', 'stale_version');
    if (current.status !== 'proposed') throw refused('wrong_state', { code: 'exam_site_not_editable', params: { state: current.status } });
    const next = { ...current };
    for (const key of ['name', 'address', 'capacity', 'kinds', 'contactName', 'contactPhone', 'contactEmail'] as const) {
      if (input[key] !== undefined) (next as Record<string, unknown>)[key] = input[key];
    }
    if (current.schoolId === null && input.regionId != null && input.regionId !== current.regionId) next.regionId = await venueRegion(tx, actor, input.regionId);
    if (current.schoolId !== null && input.regionId != null && input.regionId !== current.regionId) throw invalid([{ field: 'regionId', code: 'exam_site_school_only' }]);
    const changes = changesBetween(audited(current), audited(next));
    if (!Object.keys(changes).length) return;
    await tx.update(examSites).set({
      name: next.name, regionId: next.regionId, address: next.address, capacity: next.capacity, kinds: next.kinds,
      contactName: next.contactName, contactPhone: next.contactPhone, contactEmail: next.contactEmail,
      version: current.version + 1, updatedAt: sql`now()`,
    }).where(eq(examSites.id, id));
    await appendAudit(tx, { entityType: 'exam_site', entityId: id, action: 'update', actorId: actor.id, schoolId: current.schoolId, data: { changes } });
  });
}
