import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { leftReasons } from '@campus/common';
import { requirePermission } from '../../plugins/auth.js';
import { answers } from '../../lib/response-schemas.js';
import { isoDate } from '../../lib/dates.js';
import { closeFeedback, markStudentsLeft } from './bulk-actions.js';

/** At most this many records per bulk action (a list page's selection, or a few pages of it). */
export const BULK_MAX = 1000;
const ids = z.array(z.number().int().positive().max(2_147_483_647)).min(1).max(BULK_MAX);
const done = answers(z.object({ updated: z.number().int() }));

/**
 * POST /api/students/bulk/leave `{ ids, leftOn, leftReason }` (a graduating cohort, or students who
 * withdrew, on one day) and POST /api/feedback/bulk/close `{ items: [{ id, version }] }`: all of the
 * records or none (bulk-actions.ts), answering `{ updated }`.
 */
export async function bulkRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post('/api/students/bulk/leave', {
    onRequest: requirePermission('students', 'edit'),
    schema: { tags: ['students'], body: z.strictObject({ ids, leftOn: isoDate, leftReason: z.enum(leftReasons) }), response: done },
  }, async (request) => markStudentsLeft(app.db, request.actor, request.scope, request.body));

  r.post('/api/feedback/bulk/close', {
    onRequest: requirePermission('feedback', 'show'),
    schema: { tags: ['feedback'], body: z.strictObject({ items: z.array(z.strictObject({ id: z.number().int().positive().max(2_147_483_647), version: z.number().int().min(1) })).min(1).max(BULK_MAX) }), response: done },
  }, async (request) => closeFeedback(app.db, request.actor, request.scope, request.body.items));
}
