import { qualified } from '../../db/qualified.js';
import { z } from 'zod';
import { eq, inArray, sql } from 'drizzle-orm';
import { contentProposals, contentProposalStates } from '../../db/schema/index.js';
import type { Scope } from '@campus/common';
import { filterDef, type ResourceSpec } from '../resource/resource-spec.js';
import { asList, idValue, oneOrMany } from '../../lib/filters.js';
import { allowedActions } from '@campus/common';
import { contentProposalTransitions } from '@campus/common';
import { contentProposalRecord } from './provider-work-records.js';

/** HQ sees every proposal; a provider its own. */
export const contentProposalScope = (scope: Scope) =>
  scope.kind === 'all' ? undefined : scope.kind === 'provider' ? eq(contentProposals.providerId, scope.providerId) : sql`false`;

export const contentProposalSpec: ResourceSpec = {
  name: 'content-proposals',
  noun: 'content proposal',
  record: contentProposalRecord,
  table: contentProposals,
  id: contentProposals.id,
  scope: contentProposalScope,
  columns: {
    id: contentProposals.id, providerId: contentProposals.providerId, schoolId: contentProposals.schoolId, title: contentProposals.title,
    description: contentProposals.description, classHours: contentProposals.classHours, status: contentProposals.status, version: contentProposals.version,
    decisionReason: contentProposals.decisionReason, decidedAt: contentProposals.decidedAt, createdAt: contentProposals.createdAt,
    providerName: sql<string>`(SELECT p.name FROM providers p WHERE p.id = ${qualified(contentProposals.providerId)})`.as('provider_name'),
  },
  sortable: { id: contentProposals.id, createdAt: contentProposals.createdAt, status: contentProposals.status, title: contentProposals.title },
  defaultSort: ['createdAt', 'DESC'],
  search: [contentProposals.title],
  filters: {
    status: filterDef(oneOrMany(z.enum(contentProposalStates)), (v) => inArray(contentProposals.status, asList(v))),
    providerId: filterDef(idValue, (v) => eq(contentProposals.providerId, v)),
  },
  enrich: (rows, actor) => rows.map((r) => ({ ...r, allowedActions: allowedActions(contentProposalTransitions, r.status as 'pending', actor.role) })),
};

export const contentProposalBody = z.strictObject({
  title: z.string().trim().min(1, 'give the content a title').max(200),
  description: z.string().trim().min(10, 'describe the content (at least 10 characters)').max(10_000),
  classHours: z.number().int().min(1).max(1000).optional(),
  schoolId: z.number().int().positive().optional(),
});
