import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requirePermission } from '../../plugins/auth.js';
import { idParams, readOne, registerReadRoutes } from '../resource/read-routes.js';
import { answers, createdAnswers, okAnswer } from '../../lib/response-schemas.js';
import { schoolSpec } from './school-spec.js';
import { schoolRecord } from './school-record.js';
import { schoolActionBody, schoolCreateBody, schoolUpdateBody } from './school-schemas.js';
import { createSchool } from './create-school.js';
import { setSchoolActive, updateSchool } from './update-school.js';
import { deleteSchool } from './delete-school.js';
import { registerImport } from '../import/index.js';
import { schoolImport } from './school-import.js';

const actionParams = idParams.extend({ action: z.enum(['deactivate', 'reactivate']) });

/** The school directory: everyone reads what their scope allows; HQ creates, edits, (de)activates and deletes. */
export async function schoolRoutes(app: FastifyInstance) {
  registerReadRoutes(app, schoolSpec);
  registerImport(app, schoolImport);
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post('/api/schools', { onRequest: requirePermission('schools', 'create'), schema: { body: schoolCreateBody, tags: ['schools'], response: createdAnswers(schoolRecord) } }, async (request, reply) => {
    const row = await app.db.transaction((tx) => createSchool(tx, request.body, request.actor));
    reply.status(201);
    return readOne(app, schoolSpec, row.id, request.actor, request.scope);
  });
  r.put('/api/schools/:id', { onRequest: requirePermission('schools', 'edit'), schema: { params: idParams, body: schoolUpdateBody, tags: ['schools'], response: answers(schoolRecord) } }, async (request) => {
    await updateSchool(app.db, request.actor, request.params.id, request.body);
    return readOne(app, schoolSpec, request.params.id, request.actor, request.scope);
  });
  r.post('/api/schools/:id/actions/:action', {
    onRequest: requirePermission('schools', 'edit'),
    schema: { params: actionParams, body: schoolActionBody, tags: ['schools'], response: answers(schoolRecord), description: 'deactivate or reactivate a school (a school with records is never deleted)' },
  }, async (request) => {
    await setSchoolActive(app.db, request.actor, request.params.id, request.params.action === 'reactivate', request.body.version);
    return readOne(app, schoolSpec, request.params.id, request.actor, request.scope);
  });
  r.delete('/api/schools/:id', {
    onRequest: requirePermission('schools', 'delete'),
    schema: { params: idParams, tags: ['schools'], response: answers(okAnswer), description: 'only a school without any records; 409 otherwise (deactivate it instead)' },
  }, async (request) => {
    await deleteSchool(app.db, request.actor, request.params.id);
    return { ok: true as const };
  });
}
