import { qualified } from '../../db/qualified.js';
import { z } from 'zod';
import { and, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import { auditEvents } from '../../db/schema/index.js';
import { filterDef, type ResourceSpec } from '../resource/resource-spec.js';
import { readableEntityCondition } from '../access/readable-entities.js';
import { asList, dateValue, idValue, oneOrMany } from '../../lib/filters.js';
import { auditEventRecord } from './audit-event-record.js';

export const auditEventSpec: ResourceSpec = {
  name: 'audit-events',
  noun: 'audit event',
  record: auditEventRecord,
  table: auditEvents,
  id: auditEvents.id,
  // Programme-wide events (no school) are HQ's only; the rest are read where the record they belong
  // to is read: its resource's permission and its scope (readable-entities.ts).
  scope: (scope) => (scope.kind === 'all' ? readableEntityCondition(scope, auditEvents) : and(sql`${auditEvents.schoolId} IS NOT NULL`, readableEntityCondition(scope, auditEvents))),
  columns: {
    id: auditEvents.id, entityType: auditEvents.entityType, entityId: auditEvents.entityId,
    schoolId: auditEvents.schoolId, action: auditEvents.action, fromState: auditEvents.fromState,
    toState: auditEvents.toState, actorId: auditEvents.actorId, at: auditEvents.at,
    comment: auditEvents.comment, data: auditEvents.data,
    actorName: sql<string | null>`(SELECT u.name FROM users u WHERE u.id = ${qualified(auditEvents.actorId)})`.as('actor_name'),
  },
  sortable: { id: auditEvents.id, at: auditEvents.at, entityType: auditEvents.entityType, action: auditEvents.action },
  defaultSort: ['at', 'DESC'],
  search: [auditEvents.comment, auditEvents.action],
  filters: {
    entityType: filterDef(oneOrMany(z.string().max(40)), (v) => inArray(auditEvents.entityType, asList(v))),
    entityId: filterDef(idValue, (v) => eq(auditEvents.entityId, v)),
    action: filterDef(oneOrMany(z.string().max(40)), (v) => inArray(auditEvents.action, asList(v))),
    actorId: filterDef(idValue, (v) => eq(auditEvents.actorId, v)),
    schoolId: filterDef(idValue, (v) => eq(auditEvents.schoolId, v)),
    from: filterDef(dateValue, (v) => gte(auditEvents.at, sql`${v}::date`)),
    to: filterDef(dateValue, (v) => lt(auditEvents.at, sql`(${v}::date + 1)`)),
  },
};
