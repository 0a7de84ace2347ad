import { requirePermission } from '../../plugins/auth.js';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { readOne, registerReadRoutes } from '../resource/read-routes.js';
import { agreementSpec } from './agreement-spec.js';
import { agreementActionBody } from './agreement-schemas.js';
import { runAgreementAction } from './run-agreement-action.js';
import { applicationActionParams } from '../applications/application-schemas.js';

export async function agreementRoutes(app: FastifyInstance) {
  registerReadRoutes(app, agreementSpec);
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post('/api/agreements/:id/actions/:action', {
    // A role that cannot read the resource cannot learn whether an id exists through its actions.
    onRequest: requirePermission('agreements', 'show'),
    schema: { params: applicationActionParams, body: agreementActionBody, tags: ['agreements'] },
  }, async (request) => {
    const { id, action } = request.params;
    await runAgreementAction(app.db, request.actor, request.scope, id, action, request.body);
    return readOne(app, agreementSpec, id, request.actor, request.scope);
  });
}
