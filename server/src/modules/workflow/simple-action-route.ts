import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requirePermission } from '../../plugins/auth.js';
import { answers } from '../../lib/response-schemas.js';
import { applicationActionParams } from '../applications/application-schemas.js';
import { readOne } from '../resource/read-routes.js';
import { reviewActionBody, runReviewAction, type ReviewWorkflow } from './review-workflow.js';

/** POST /api/<resource>/:id/actions/<action> for a record with a simple review workflow. */
export function registerSimpleActionRoute(app: FastifyInstance, w: ReviewWorkflow) {
  app.withTypeProvider<ZodTypeProvider>().post(`/api/${w.spec.name}/:id/actions/:action`, {
    onRequest: requirePermission(w.spec.name, 'show'),
    schema: { params: applicationActionParams, body: reviewActionBody, tags: [w.spec.name], response: answers(w.spec.record) },
  }, async (request) => {
    const { id, action } = request.params;
    await runReviewAction(app.db, w, request.actor, request.scope, id, action, request.body);
    return readOne(app, w.spec, id, request.actor, request.scope);
  });
}
