import { qualified } from '../../db/qualified.js';
import { z } from 'zod';
import { eq, inArray, sql } from 'drizzle-orm';
import { users, roles } from '../../db/schema/index.js';
import { filterDef, type ResourceSpec } from '../resource/resource-spec.js';
import { asList, idValue, oneOrMany } from '../../lib/filters.js';
import { userRecord } from './user-record.js';
import { schoolScopeCondition } from '../access/scope-filter.js';

export const userSpec: ResourceSpec = {
  name: 'users',
  noun: 'user',
  record: userRecord,
  table: users,
  id: users.id,
  columns: {
    id: users.id, email: users.email, name: users.name, role: users.role, schoolId: users.schoolId,
    providerId: users.providerId, active: users.active, invitationPending: users.invitationPending, version: users.version, locale: users.locale, createdAt: users.createdAt,
    regionIds: sql<number[]>`coalesce((SELECT array_agg(ur.region_id ORDER BY ur.region_id) FROM user_regions ur WHERE ur.user_id = ${qualified(users.id)}), '{}')`.as('region_ids'),
  },
  // HQ sees every account; regional staff the school accounts of their regions' schools; nobody else any.
  scope: (scope) => {
    if (scope.kind === 'all') return undefined;
    if (scope.kind === 'regions') return sql`${users.role} = 'school' AND ${schoolScopeCondition(scope, users.schoolId) ?? sql`false`}`;
    return sql`false`;
  },
  sortable: { id: users.id, email: users.email, name: users.name, role: users.role, createdAt: users.createdAt },
  defaultSort: ['email', 'ASC'],
  search: [users.name, users.email],
  filters: {
    role: filterDef(oneOrMany(z.enum(roles)), (v) => inArray(users.role, asList(v))),
    schoolId: filterDef(idValue, (v) => eq(users.schoolId, v)),
    providerId: filterDef(idValue, (v) => eq(users.providerId, v)),
    regionId: filterDef(idValue, (v) => sql`${qualified(users.id)} IN (SELECT ur.user_id FROM user_regions ur WHERE ur.region_id = ${v})`),
    active: filterDef(z.boolean(), (v) => eq(users.active, v)),
    invitationPending: filterDef(z.boolean(), (v) => eq(users.invitationPending, v)),
  },
};
