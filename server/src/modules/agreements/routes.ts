import type { FastifyInstance } from 'fastify';
import { registerReadRoutes } from '../resource/read-routes.js';
import { registerActionRoute } from '../workflow/action-route.js';
import { agreementSpec } from './agreement-spec.js';
import { agreementActionBody } from './agreement-schemas.js';
import { runAgreementAction } from './run-agreement-action.js';

export async function agreementRoutes(app: FastifyInstance) {
  registerReadRoutes(app, agreementSpec);
  registerActionRoute(app, agreementSpec, agreementActionBody, (request, id, action, input) =>
    runAgreementAction(app.db, request.actor, request.scope, id, action, input));
}
