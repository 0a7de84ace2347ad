import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { reviewContextSchema } from '@campus/common/api-schemas';
import { requirePermission } from '../../plugins/auth.js';
import { answers } from '../../lib/response-schemas.js';
import { forbidden } from '../../lib/errors.js';
import { idParams } from '../resource/read-routes.js';
import { agreementReviewContext, applicationReviewContext, evaluationReviewContext } from './review-context.js';

/**
 * GET /api/{applications,agreements,evaluations}/:id/review-context: what a review or decision
 * screen shows beside its form (issue 17 item 1). Whoever may read the record may read its context,
 * through the same scope (a regional reviewer: their regions' schools only; outside it, 404);
 * providers, who review nothing, are refused.
 */
export async function reviewContextRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const load = { applications: applicationReviewContext, agreements: agreementReviewContext, evaluations: evaluationReviewContext } as const;
  for (const [resource, read] of Object.entries(load)) {
    r.get(`/api/${resource}/:id/review-context`, {
      onRequest: [requirePermission(resource, 'show'), async (request) => {
        if (request.actor?.role === 'provider') throw forbidden({ code: 'role_may_not_resource', params: { action: 'review-context', resource } });
      }],
      schema: { params: idParams, tags: [resource], response: answers(reviewContextSchema) },
    }, async (request) => read(app.db, request.scope, request.params.id));
  }
}
