import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requirePermission } from '../../plugins/auth.js';
import { createdAnswers } from '../../lib/response-schemas.js';
import { contentProposalRecord, feedbackRecord, providerReportRecord } from './provider-work-records.js';
import { readOne, registerReadRoutes } from '../resource/read-routes.js';
import { registerSimpleActionRoute } from '../workflow/simple-action-route.js';
import { providerReportSpec } from './provider-report-spec.js';
import { createProviderReport, providerReportBody } from './create-provider-report.js';
import { contentProposalBody, contentProposalSpec } from './content-proposal-spec.js';
import { feedbackBody, feedbackSpec } from './feedback-spec.js';
import { proposeContent } from './propose-content.js';
import { fileFeedback } from './file-feedback.js';
import { contentProposalReview, feedbackReview, providerReportReview } from './review-workflows.js';

export async function providerWorkRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  // Practice-project reports
  registerReadRoutes(app, providerReportSpec);
  r.post('/api/provider-reports', { onRequest: requirePermission('provider-reports', 'create'), schema: { body: providerReportBody, tags: ['provider-reports'], response: createdAnswers(providerReportRecord) } }, async (request, reply) => {
    const row = await createProviderReport(app.db, request.actor, request.body);
    reply.status(201);
    return readOne(app, providerReportSpec, row.id, request.actor, request.scope);
  });
  registerSimpleActionRoute(app, providerReportReview);

  // Training-content proposals
  registerReadRoutes(app, contentProposalSpec);
  r.post('/api/content-proposals', { onRequest: requirePermission('content-proposals', 'create'), schema: { body: contentProposalBody, tags: ['content-proposals'], response: createdAnswers(contentProposalRecord) } }, async (request, reply) => {
    const row = await proposeContent(app.db, request.actor, request.body);
    reply.status(201);
    return readOne(app, contentProposalSpec, row.id, request.actor, request.scope);
  });
  registerSimpleActionRoute(app, contentProposalReview);

  // Feedback about providers
  registerReadRoutes(app, feedbackSpec);
  r.post('/api/feedback', { onRequest: requirePermission('feedback', 'create'), schema: { body: feedbackBody, tags: ['feedback'], response: createdAnswers(feedbackRecord) } }, async (request, reply) => {
    const row = await fileFeedback(app.db, request.actor, request.body);
    reply.status(201);
    return readOne(app, feedbackSpec, row.id, request.actor, request.scope);
  });
  registerSimpleActionRoute(app, feedbackReview);
}
