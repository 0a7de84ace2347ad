import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requirePermission } from '../../plugins/auth.js';
import { answers, createdAnswers } from '../../lib/response-schemas.js';
import { applicationRecord } from './application-record.js';
import { idParams, readOne, registerReadRoutes } from '../resource/read-routes.js';
import { applicationSpec } from './application-spec.js';
import { applicationActionBody, applicationCreateBody, applicationUpdateBody } from './application-schemas.js';
import { createApplication } from './create-application.js';
import { updateApplication } from './update-application.js';
import { deleteApplication } from './delete-application.js';
import { runApplicationAction } from './run-application-action.js';
import { registerActionRoute } from '../workflow/action-route.js';

export async function applicationRoutes(app: FastifyInstance) {
  registerReadRoutes(app, applicationSpec);
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/applications', {
    onRequest: requirePermission('applications', 'create'),
    schema: { body: applicationCreateBody, tags: ['applications'], response: createdAnswers(applicationRecord) },
  }, async (request, reply) => {
    const row = await createApplication(app.db, request.actor, request.body);
    reply.status(201);
    return readOne(app, applicationSpec, row.id, request.actor, request.scope);
  });

  r.put('/api/applications/:id', {
    onRequest: requirePermission('applications', 'edit'),
    schema: { params: idParams, body: applicationUpdateBody, tags: ['applications'], response: answers(applicationRecord) },
  }, async (request) => {
    await updateApplication(app.db, request.actor, request.scope, request.params.id, request.body);
    return readOne(app, applicationSpec, request.params.id, request.actor, request.scope);
  });

  r.delete('/api/applications/:id', {
    onRequest: requirePermission('applications', 'delete'),
    schema: { params: idParams, tags: ['applications'], response: answers(applicationRecord.partial().describe('The application as it was before it was deleted.')) },
  }, async (request) => {
    const { row, storageKeys } = await deleteApplication(app.db, request.actor, request.scope, request.params.id);
    await app.storage?.removeAll(storageKeys);
    return row;
  });

  registerActionRoute(app, applicationSpec, applicationActionBody, async (request, id, action, input) => {
    const done = await runApplicationAction(app.db, request.actor, request.scope, id, action, input);
    if (done.removed) await app.storage?.removeAll(done.storageKeys);
    return done;
  });
}
