import { qualified } from '../../db/qualified.js';
import { z } from 'zod';
import { eq, inArray, sql } from 'drizzle-orm';
import { feedback, feedbackStates } from '../../db/schema/index.js';
import { filterDef, type ResourceSpec } from '../resource/resource-spec.js';
import { asList, idValue, oneOrMany } from '../../lib/filters.js';
import { allowedActions } from '@campus/common';
import { feedbackTransitions } from '@campus/common';
import { feedbackRecord } from './provider-work-records.js';

export const feedbackSpec: ResourceSpec = {
  name: 'feedback',
  noun: 'feedback',
  record: feedbackRecord,
  table: feedback,
  id: feedback.id,
  schoolId: feedback.schoolId,
  columns: {
    id: feedback.id, schoolId: feedback.schoolId, providerId: feedback.providerId, subject: feedback.subject, body: feedback.body,
    status: feedback.status, version: feedback.version, reply: feedback.reply, repliedAt: feedback.repliedAt, createdAt: feedback.createdAt,
    providerName: sql<string | null>`(SELECT p.name FROM providers p WHERE p.id = ${qualified(feedback.providerId)})`.as('provider_name'),
    schoolName: sql<string>`(SELECT s.name FROM schools s WHERE s.id = ${qualified(feedback.schoolId)})`.as('school_name'),
  },
  sortable: { id: feedback.id, createdAt: feedback.createdAt, status: feedback.status },
  defaultSort: ['createdAt', 'DESC'],
  search: [feedback.subject, feedback.body],
  filters: {
    status: filterDef(oneOrMany(z.enum(feedbackStates)), (v) => inArray(feedback.status, asList(v))),
    providerId: filterDef(idValue, (v) => eq(feedback.providerId, v)),
    schoolId: filterDef(idValue, (v) => eq(feedback.schoolId, v)),
  },
  enrich: (rows, actor) => rows.map((r) => ({ ...r, allowedActions: allowedActions(feedbackTransitions, r.status as 'open', actor.role) })),
};

export const feedbackBody = z.strictObject({
  providerId: z.number().int().positive(),
  subject: z.string().trim().min(1, 'give a subject').max(200),
  body: z.string().trim().min(1, 'write the feedback').max(10_000),
});
