import { z } from 'zod';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { allowedActions, joinRequestStates, joinRequestTransitions, tiers, type JoinRequestState, type Scope } from '@campus/common';
import { joinRequests } from '../../db/schema/index.js';
import { qualified } from '../../db/qualified.js';
import { filterDef, type ResourceSpec } from '../resource/resource-spec.js';
import { asList, idValue, oneOrMany } from '../../lib/filters.js';
import { provinceScopeCondition } from '../access/scope-filter.js';
import { joinRequestRecord } from './join-request-record.js';

/** The states staff see: a request enters the queue once its e-mail is confirmed. */
export const confirmedStates = ['pending', 'accepted', 'declined'] as const satisfies readonly JoinRequestState[];

/** Confirmed requests only; HQ every one, regional staff those of their regions' provinces. 404 otherwise. */
export const joinRequestScope = (scope: Scope) => and(inArray(joinRequests.status, [...confirmedStates]), provinceScopeCondition(scope, joinRequests.province));

const regionOfProvince = sql<number | null>`(SELECT r.id FROM regions r WHERE ${qualified(joinRequests.province)} = ANY(r.provinces) ORDER BY r.id LIMIT 1)`;

export const joinRequestSpec: ResourceSpec = {
  name: 'join-requests',
  noun: 'join request',
  record: joinRequestRecord,
  table: joinRequests,
  id: joinRequests.id,
  scope: joinRequestScope,
  columns: {
    id: joinRequests.id, status: joinRequests.status, version: joinRequests.version, schoolName: joinRequests.schoolName,
    province: joinRequests.province, regionId: regionOfProvince.as('region_id'), kind: joinRequests.kind, contactName: joinRequests.contactName,
    email: joinRequests.email, phone: joinRequests.phone, tier: joinRequests.tier, locale: joinRequests.locale,
    confirmedAt: joinRequests.confirmedAt, declineReason: joinRequests.declineReason, decidedBy: joinRequests.decidedBy,
    decidedByName: sql<string | null>`(SELECT u.name FROM users u WHERE u.id = ${qualified(joinRequests.decidedBy)})`.as('decided_by_name'),
    decidedAt: joinRequests.decidedAt, schoolId: joinRequests.schoolId,
    schoolNameNow: sql<string | null>`(SELECT s.name FROM schools s WHERE s.id = ${qualified(joinRequests.schoolId)})`.as('school_name_now'),
    invitedUserId: joinRequests.invitedUserId,
    existingSchoolId: sql<number | null>`(SELECT s.id FROM schools s WHERE s.name = ${qualified(joinRequests.schoolName)})`.as('existing_school_id'),
    createdAt: joinRequests.createdAt,
  },
  sortable: { id: joinRequests.id, createdAt: joinRequests.createdAt, confirmedAt: joinRequests.confirmedAt, status: joinRequests.status, schoolName: joinRequests.schoolName, province: joinRequests.province },
  defaultSort: ['confirmedAt', 'DESC'],
  search: [joinRequests.schoolName, joinRequests.contactName, joinRequests.email],
  filters: {
    status: filterDef(oneOrMany(z.enum(joinRequestStates)), (v) => inArray(joinRequests.status, asList(v))),
    province: filterDef(z.string().max(50), (v) => eq(joinRequests.province, v)),
    regionId: filterDef(idValue, (v) => sql`${joinRequests.province} IN (SELECT unnest(r.provinces) FROM regions r WHERE r.id = ${v})`),
    tier: filterDef(oneOrMany(z.enum(tiers)), (v) => inArray(joinRequests.tier, asList(v))),
    kind: filterDef(z.enum(['university', 'vocational']), (v) => eq(joinRequests.kind, v)),
  },
  enrich: (rows, actor) => rows.map((r) => ({ ...r, allowedActions: allowedActions(joinRequestTransitions, r.status as JoinRequestState, actor.role) })),
};
