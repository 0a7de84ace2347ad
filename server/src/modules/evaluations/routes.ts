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
import { awaitingYearRecord, bulkJobRecord, evaluationRecord, openedYearsRecord } from './evaluation-record.js';
import { awaitingYears, openSelectedYears } from './open-selected-years.js';
import { z } from 'zod';
import { BULK_MAX } from '../bulk/routes.js';
import { tiers } from '@campus/common';

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

  // The ended years without an evaluation, for HQ to select rows of and open them in one transaction (issue 17 item 2).
  r.get('/api/evaluations/awaiting', {
    onRequest: requirePermission('evaluations', 'create'),
    schema: {
      tags: ['evaluations'],
      querystring: z.strictObject({ tier: z.array(z.enum(tiers)).max(4).or(z.enum(tiers)).optional(), regionId: z.array(z.coerce.number().int().positive().max(2_147_483_647)).max(50).or(z.coerce.number().int().positive().max(2_147_483_647)).optional() }),
      response: answers(z.object({ total: z.number().int(), rows: z.array(awaitingYearRecord) })),
    },
  }, async (request) => {
    const { tier, regionId } = request.query;
    return awaitingYears(app.db, request.scope, todayInChina(), { tier: tier === undefined ? undefined : ([] as string[]).concat(tier), regionId: regionId === undefined ? undefined : ([] as number[]).concat(regionId) }, BULK_MAX);
  });

  r.post('/api/evaluations/bulk/open', {
    onRequest: requirePermission('evaluations', 'create'),
    schema: {
      tags: ['evaluations'],
      body: z.strictObject({ items: z.array(z.strictObject({ agreementId: z.number().int().positive().max(2_147_483_647), year: z.number().int().min(1).max(20) })).min(1).max(BULK_MAX) }),
      response: answers(openedYearsRecord),
    },
  }, async (request) => openSelectedYears(app.db, request.actor, request.scope, todayInChina(), request.body.items));

  registerActionRoute(app, evaluationSpec, evaluationActionBody, (request, id, action, input) =>
    runEvaluationAction(app.db, request.actor, request.scope, id, action, input, todayInChina()), ['applicationId', 'newAgreementId']);
}
