import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requirePermission } from '../../plugins/auth.js';
import { idParams, readOne, registerReadRoutes } from '../resource/read-routes.js';
import { answers, createdAnswers } from '../../lib/response-schemas.js';
import { providerSpec } from './provider-spec.js';
import { providerRecord } from './provider-record.js';
import { assignmentParams, providerCreateBody, providerUpdateBody } from './provider-schemas.js';
import { createProvider } from './create-provider.js';
import { updateProvider } from './update-provider.js';
import { changeAssignment } from './assign-school.js';

/**
 * Service providers (HQ keeps them). A provider's schools are its record's `schoolIds`: POST and PUT
 * carry the whole set (PUT replaces it); the school page assigns or unassigns one school with
 * PUT / DELETE /api/providers/:id/schools/:schoolId.
 */
export async function providerRoutes(app: FastifyInstance) {
  registerReadRoutes(app, providerSpec);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['providers'];

  r.post('/api/providers', {
    onRequest: requirePermission('providers', 'create'),
    schema: {
      tags, body: providerCreateBody, response: createdAnswers(providerRecord),
      summary: 'Create a provider, with the schools it serves',
      description: 'HQ only. `schoolIds` lists the schools the provider serves (assignments); each is announced to the provider\'s accounts. A name another provider has (ignoring case) is 400 `provider_name_taken`, naming it.',
    },
  }, async (request, reply) => {
    const row = await createProvider(app.db, request.actor, request.body);
    reply.status(201);
    return readOne(app, providerSpec, row.id, request.actor, request.scope);
  });

  r.put('/api/providers/:id', {
    onRequest: requirePermission('providers', 'edit'),
    schema: {
      tags, params: idParams, body: providerUpdateBody, response: answers(providerRecord),
      summary: 'Edit a provider: contact, active, and its schools (the whole set)',
      description: 'HQ only, with the `version` read (409 when stale). `schoolIds`, when given, REPLACES the provider\'s schools: '
        + 'a school left out is unassigned and the provider loses access to it at once; a new one is assigned and announced. '
        + '`active: false` deactivates the provider (it keeps its records and schools but reaches none of them); a provider is never deleted. '
        + 'Audited with `changes` (each field from/to, `schoolIds` from/to) and `schoolsAssigned` / `schoolsUnassigned`.',
    },
  }, async (request) => {
    await updateProvider(app.db, request.actor, request.params.id, request.body);
    return readOne(app, providerSpec, request.params.id, request.actor, request.scope);
  });

  r.put('/api/providers/:id/schools/:schoolId', {
    onRequest: requirePermission('providers', 'edit'),
    schema: {
      tags, params: assignmentParams, response: answers(providerRecord),
      summary: 'Assign one school to a provider',
      description: 'HQ only; no body and no version (it commutes with other edits, and moves the version on). The same as a PUT of `schoolIds` with the school added: audited, announced to the provider. Already assigned: nothing changes. A deactivated provider is 400 `provider_inactive`; an unknown provider or school 404.',
    },
  }, async (request) => {
    await changeAssignment(app.db, request.actor, request.params.id, request.params.schoolId, true);
    return readOne(app, providerSpec, request.params.id, request.actor, request.scope);
  });

  r.delete('/api/providers/:id/schools/:schoolId', {
    onRequest: requirePermission('providers', 'edit'),
    schema: {
      tags, params: assignmentParams, response: answers(providerRecord),
      summary: 'Unassign one school from a provider',
      description: 'HQ only; the provider loses access to the school\'s records at once (its next request is 404). Audited; answers the provider. Not assigned: nothing changes.',
    },
  }, async (request) => {
    await changeAssignment(app.db, request.actor, request.params.id, request.params.schoolId, false);
    return readOne(app, providerSpec, request.params.id, request.actor, request.scope);
  });
}
