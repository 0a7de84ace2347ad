import { z } from 'zod';
import { eq, inArray } from 'drizzle-orm';
import { getTableColumns } from 'drizzle-orm';
import { tierPolicies, tiers } from '../../db/schema/index.js';
import { filterDef, type ResourceSpec } from '../resource/resource-spec.js';
import { asList, oneOrMany } from '../../lib/filters.js';
import { tierPolicyRecord } from './tier-policy-record.js';

const { createdAt: _c, ...columns } = getTableColumns(tierPolicies);

export const tierPolicySpec: ResourceSpec = {
  name: 'tier-policies',
  noun: 'tier policy',
  record: tierPolicyRecord,
  table: tierPolicies,
  id: tierPolicies.id,
  columns,
  sortable: { id: tierPolicies.id, tier: tierPolicies.tier, effectiveYear: tierPolicies.effectiveYear, updatedAt: tierPolicies.updatedAt },
  defaultSort: ['effectiveYear', 'DESC'],
  search: [tierPolicies.tier],
  filters: {
    tier: filterDef(oneOrMany(z.enum(tiers)), (v) => inArray(tierPolicies.tier, asList(v))),
    effectiveYear: filterDef(z.coerce.number().int(), (v) => eq(tierPolicies.effectiveYear, v)),
  },
};
