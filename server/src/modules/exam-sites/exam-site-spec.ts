import { z } from 'zod';
import { and, eq, inArray, or, sql, type Column, type SQL } from 'drizzle-orm';
import { allowedActions, examinableKinds, examSiteStates, examSiteTransitions, type Actor, type ExamSiteState, type Scope } from '@campus/common';
import { examSites } from '../../db/schema/index.js';
import { qualified } from '../../db/qualified.js';
import { filterDef, type ResourceSpec } from '../resource/resource-spec.js';
import { asList, idValue, oneOrMany } from '../../lib/filters.js';
import { regionScopeCondition } from '../access/scope-filter.js';
import { examSiteRecord } from './exam-site-record.js';

/**
 * Who reads which exam sites: HQ every one; regional staff those of their regions; a school its own school's sites
 * (in any state), every approved site, and every site a session is held at (it registers candidates there, and
 * keeps seeing the site of its candidates after a suspension); providers none (no permission).
 */
export function examSiteScope(scope: Scope): SQL | undefined {
  if (scope.kind !== 'school') return regionScopeCondition(scope, examSites.regionId);
  return or(
    eq(examSites.schoolId, scope.schoolId),
    eq(examSites.status, 'approved'),
    sql`${examSites.id} IN (SELECT ess.site_id FROM exam_session_sites ess)`,
  );
}

/**
 * Who proposed the site, and so may edit it while it is proposed: the school's own accounts for a school's site;
 * for a venue, HQ and the staff of its region.
 */
export function isProposer(actor: Actor, site: { schoolId: number | null; regionId: number }): boolean {
  if (site.schoolId !== null) return actor.role === 'school' && actor.schoolId === site.schoolId;
  return actor.role === 'hq' || (actor.role === 'regional' && actor.regionIds.includes(site.regionId));
}

const userName = (column: Column) => sql<string | null>`(SELECT u.name FROM users u WHERE u.id = ${qualified(column)})`;

export const examSiteSpec: ResourceSpec = {
  name: 'exam-sites',
  noun: 'exam site',
  record: examSiteRecord,
  table: examSites,
  id: examSites.id,
  scope: examSiteScope,
  columns: {
    id: examSites.id, status: examSites.status, version: examSites.version, name: examSites.name,
    schoolId: examSites.schoolId,
    schoolName: sql<string | null>`(SELECT s.name FROM schools s WHERE s.id = ${qualified(examSites.schoolId)})`.as('school_name'),
    regionId: examSites.regionId,
    regionName: sql<string>`(SELECT r.name_zh FROM regions r WHERE r.id = ${qualified(examSites.regionId)})`.as('region_name'),
    address: examSites.address, capacity: examSites.capacity, kinds: examSites.kinds,
    contactName: examSites.contactName, contactPhone: examSites.contactPhone, contactEmail: examSites.contactEmail,
    decisionReason: examSites.decisionReason, decidedBy: examSites.decidedBy, decidedByName: userName(examSites.decidedBy).as('decided_by_name'),
    decidedAt: examSites.decidedAt, createdBy: examSites.createdBy, createdByName: userName(examSites.createdBy).as('created_by_name'),
    createdAt: examSites.createdAt, updatedAt: examSites.updatedAt,
  },
  sortable: { id: examSites.id, name: examSites.name, status: examSites.status, capacity: examSites.capacity, regionId: examSites.regionId, createdAt: examSites.createdAt },
  defaultSort: ['id', 'DESC'],
  search: [examSites.name, examSites.address],
  filters: {
    status: filterDef(oneOrMany(z.enum(examSiteStates)), (v) => inArray(examSites.status, asList(v))),
    regionId: filterDef(idValue, (v) => eq(examSites.regionId, v)),
    schoolId: filterDef(idValue, (v) => eq(examSites.schoolId, v)),
    kind: filterDef(z.enum(examinableKinds), (v) => sql`${examSites.kinds} @> ARRAY[${v}]::text[]`),
    /** The sites a session is held at. */
    sessionId: filterDef(idValue, (v) => sql`${examSites.id} IN (SELECT ess.site_id FROM exam_session_sites ess WHERE ess.session_id = ${v})`),
    /** The sites that may hold a session of this kind now (approved, examining it). */
    availableFor: filterDef(z.enum(examinableKinds), (v) => and(eq(examSites.status, 'approved'), sql`${examSites.kinds} @> ARRAY[${v}]::text[]`)),
  },
  enrich: (rows, actor) => rows.map((r) => ({
    ...r,
    allowedActions: allowedActions(examSiteTransitions, r.status as ExamSiteState, actor.role),
    editable: r.status === 'proposed' && isProposer(actor, r as { schoolId: number | null; regionId: number }),
  })),
};
