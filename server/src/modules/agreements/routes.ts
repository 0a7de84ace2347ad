import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requirePermission } from '../../plugins/auth.js';
import { readOne, registerReadRoutes } from '../resource/read-routes.js';
import { registerActionRoute } from '../workflow/action-route.js';
import { createdAnswers } from '../../lib/response-schemas.js';
import { agreementSpec } from './agreement-spec.js';
import { agreementActionBody } from './agreement-schemas.js';
import { agreementRecord } from './agreement-record.js';
import { existingAgreementBody } from './existing-agreement-input.js';
import { createExistingAgreement } from './create-existing-agreement.js';
import { runAgreementAction } from './run-agreement-action.js';
import { registerImport } from '../import/index.js';
import { agreementImport } from './agreement-import.js';
import { registerStepWithFiles } from './step-with-files.js';

export async function agreementRoutes(app: FastifyInstance) {
  registerReadRoutes(app, agreementSpec);
  const r = app.withTypeProvider<ZodTypeProvider>();
  /**
   * A partnership that began before the product (HQ): agreements are otherwise created by hq_approve
   * of an application. 201 with the agreement; 409 when the school already has one (named).
   */
  r.post('/api/agreements', {
    onRequest: requirePermission('agreements', 'create'),
    schema: { body: existingAgreementBody, tags: ['agreements'], response: createdAnswers(agreementRecord) },
  }, async (request, reply) => {
    const row = await createExistingAgreement(app.db, request.actor, request.body);
    reply.status(201);
    return readOne(app, agreementSpec, row.id, request.actor, request.scope);
  });
  registerImport(app, agreementImport);
  registerActionRoute(app, agreementSpec, agreementActionBody, (request, id, action, input) =>
    runAgreementAction(app.db, request.actor, request.scope, id, action, input));
  registerStepWithFiles(app);
}
