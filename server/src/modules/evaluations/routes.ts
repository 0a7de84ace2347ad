import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requirePermission } from '../../plugins/auth.js';
import { idParams, readOne, registerReadRoutes } from '../resource/read-routes.js';
import { todayInChina } from '@campus/common';
import { evaluationSpec } from './evaluation-spec.js';
import { bulkOpenBody, evaluationActionBody, openEvaluationBody } from './evaluation-schemas.js';
import { openEvaluation } from './open-evaluations.js';
import { runEvaluationAction } from './run-evaluation-action.js';
import { registerActionRoute } from '../workflow/action-route.js';
import { startBulkOpen } from './bulk-open-job.js';
import { readBulkJob } from './read-bulk-job.js';
import { answers, createdAnswers, respond } from '../../lib/response-schemas.js';
import { bulkJobRecord, evaluationRecord } from './evaluation-record.js';

export async function evaluationRoutes(app: FastifyInstance) {
  registerReadRoutes(app, evaluationSpec);
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/evaluations', { onRequest: requirePermission('evaluations', 'create'), schema: { body: openEvaluationBody, tags: ['evaluations'], response: createdAnswers(evaluationRecord) } }, async (request, reply) => {
    const row = await openEvaluation(app.db, request.actor, request.body, todayInChina());
    reply.status(201);
    return readOne(app, evaluationSpec, row.id, request.actor, request.scope);
  });

  r.post('/api/evaluations/bulk-open', { onRequest: requirePermission('evaluations', 'create'), schema: { body: bulkOpenBody, tags: ['evaluations'], response: respond({ 202: bulkJobRecord }) } }, async (request, reply) => {
    const { job } = await startBulkOpen(app.db, request.actor, request.scope, todayInChina(), request.body, request.log);
    reply.status(202);
    return job;
  });

  r.get('/api/evaluations/bulk-jobs/:id', { onRequest: requirePermission('evaluations', 'create'), schema: { params: idParams, tags: ['evaluations'], response: answers(bulkJobRecord) } }, async (request) => {
    return readBulkJob(app.db, request.params.id);
  });

  registerActionRoute(app, evaluationSpec, evaluationActionBody, (request, id, action, input) =>
    runEvaluationAction(app.db, request.actor, request.scope, id, action, input, todayInChina()), ['applicationId', 'newAgreementId']);
}
