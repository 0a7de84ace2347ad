import { z } from 'zod';
import { qualified } from '../../db/qualified.js';
import { eq, sql } from 'drizzle-orm';
import { providers } from '../../db/schema/index.js';
import type { Scope } from '@campus/common';
import { schoolScopeCondition } from '../access/scope-filter.js';
import { filterDef, type ResourceSpec } from '../resource/resource-spec.js';
import { idValue } from '../../lib/filters.js';
import { providerRecord } from './provider-record.js';

/** Providers: HQ sees all; a provider itself; schools and regions the providers assigned to their schools. */
export const providerScope = (scope: Scope) => {
  if (scope.kind === 'all') return undefined;
  if (scope.kind === 'provider') return eq(providers.id, scope.providerId);
  return sql`${qualified(providers.id)} IN (SELECT pa.provider_id FROM provider_assignments pa WHERE ${schoolScopeCondition(scope, sql`pa.school_id`)})`;
};

/** The scorecard HQ reads beside each provider: its schools' current results, reports and feedback. */
const count = (q: ReturnType<typeof sql>) => sql<number>`(${q})`.mapWith(Number);

export const providerSpec: ResourceSpec = {
  name: 'providers',
  noun: 'provider',
  record: providerRecord,
  table: providers,
  id: providers.id,
  scope: providerScope,
  columns: {
    id: providers.id, name: providers.name, contactName: providers.contactName, contactEmail: providers.contactEmail, contactPhone: providers.contactPhone,
    active: providers.active, version: providers.version, createdAt: providers.createdAt, updatedAt: providers.updatedAt,
    schoolIds: sql<number[]>`coalesce((SELECT array_agg(pa.school_id ORDER BY pa.school_id) FROM provider_assignments pa WHERE pa.provider_id = ${qualified(providers.id)}), '{}')`.as('school_ids'),
    schools: count(sql`SELECT count(*) FROM provider_assignments pa WHERE pa.provider_id = ${providers.id}`).as('schools'),
    compliantSchools: count(sql`SELECT count(*) FROM compliance_summaries cs JOIN provider_assignments pa ON pa.school_id = cs.school_id WHERE pa.provider_id = ${providers.id} AND cs.is_current AND cs.compliant`).as('compliant_schools'),
    evaluatedSchools: count(sql`SELECT count(*) FROM compliance_summaries cs JOIN provider_assignments pa ON pa.school_id = cs.school_id WHERE pa.provider_id = ${providers.id} AND cs.is_current`).as('evaluated_schools'),
    reportsSubmitted: count(sql`SELECT count(*) FROM provider_reports r WHERE r.provider_id = ${providers.id} AND r.status = 'submitted'`).as('reports_submitted'),
    reportsConfirmed: count(sql`SELECT count(*) FROM provider_reports r WHERE r.provider_id = ${providers.id} AND r.status = 'confirmed'`).as('reports_confirmed'),
    reportsRejected: count(sql`SELECT count(*) FROM provider_reports r WHERE r.provider_id = ${providers.id} AND r.status = 'rejected'`).as('reports_rejected'),
    confirmedHours: sql<number>`(SELECT coalesce(sum(p.hours), 0) FROM practice_records p WHERE p.provider_id = ${qualified(providers.id)} AND p.confirmed)`.mapWith(Number).as('confirmed_hours'),
    feedbackOpen: count(sql`SELECT count(*) FROM feedback f WHERE f.provider_id = ${providers.id} AND f.status <> 'closed'`).as('feedback_open'),
    feedbackTotal: count(sql`SELECT count(*) FROM feedback f WHERE f.provider_id = ${providers.id}`).as('feedback_total'),
    proposalsApproved: count(sql`SELECT count(*) FROM content_proposals c WHERE c.provider_id = ${providers.id} AND c.status = 'approved'`).as('proposals_approved'),
  },
  // The scorecard spans every school of the provider: it is HQ's. Others see who the provider is.
  enrich: (rows, actor) => (actor.role === 'hq' ? rows : rows.map(({ id, name, contactName, contactEmail, contactPhone, active, version }) => ({ id, name, contactName, contactEmail, contactPhone, active, version }))),
  sortable: { id: providers.id, name: providers.name },
  defaultSort: ['name', 'ASC'],
  search: [providers.name, providers.contactName],
  filters: {
    /** The providers assigned to a school (the school page's providers panel). */
    schoolId: filterDef(idValue, (v) => sql`${qualified(providers.id)} IN (SELECT pa.provider_id FROM provider_assignments pa WHERE pa.school_id = ${v})`),
    active: filterDef(z.boolean(), (v) => eq(providers.active, v)),
  },
};
