import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requirePermission, SESSION_COOKIE } from '../../plugins/auth.js';
import { idParams, readOne, registerReadRoutes } from '../resource/read-routes.js';
import { tokenDigest } from '../auth/session-repository.js';
import { throttleSettings } from '../auth/login-throttle.js';
import { userSpec } from './user-spec.js';
import { passwordChangeBody, userActionBody, userCreateBody, userUpdateBody } from './user-schemas.js';
import { changeOwnPassword, createUser, resendInvitation, setUserActive, updateUser } from './manage-users.js';
import { answers, createdAnswers, okAnswer } from '../../lib/response-schemas.js';
import { userRecord } from './user-record.js';
import { registerImport } from '../import/index.js';
import { userImport } from './user-import.js';

export async function userRoutes(app: FastifyInstance) {
  registerReadRoutes(app, userSpec);
  // School administrators in bulk (HQ; regional staff for their regions' schools), each invited.
  registerImport(app, userImport);
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post('/api/users', { onRequest: requirePermission('users', 'create'), schema: { body: userCreateBody, tags: ['users'], response: createdAnswers(userRecord) } }, async (request, reply) => {
    const row = await createUser(app.db, request.actor, request.body);
    reply.status(201);
    return readOne(app, userSpec, row.id, request.actor, request.scope);
  });
  r.put('/api/users/:id', { onRequest: requirePermission('users', 'edit'), schema: { params: idParams, body: userUpdateBody, tags: ['users'], response: answers(userRecord) } }, async (request) => {
    await updateUser(app.db, request.actor, request.params.id, request.body);
    app.actorCache.clear();
    return readOne(app, userSpec, request.params.id, request.actor, request.scope);
  });
  for (const [action, active] of [['deactivate', false], ['reactivate', true]] as const) {
    r.post(`/api/users/:id/actions/${action}`, { onRequest: requirePermission('users', 'edit'), schema: { params: idParams, body: userActionBody, tags: ['users'], response: answers(userRecord) } }, async (request) => {
      await setUserActive(app.db, request.actor, request.params.id, active, request.body.version);
      app.actorCache.clear();
      return readOne(app, userSpec, request.params.id, request.actor, request.scope);
    });
  }
  // A new invitation link by mail; the previous one stops working.
  r.post('/api/users/:id/actions/resend_invitation', { onRequest: requirePermission('users', 'edit'), schema: { params: idParams, body: userActionBody, tags: ['users'], response: answers(userRecord) } }, async (request) => {
    await resendInvitation(app.db, request.actor, request.params.id, request.body.version);
    return readOne(app, userSpec, request.params.id, request.actor, request.scope);
  });
  // The signed-in user's own password (`/api/auth/password` is the older name of the same route).
  for (const url of ['/api/auth/change-password', '/api/auth/password']) {
    r.post(url, { schema: { body: passwordChangeBody, tags: ['auth'], response: answers(okAnswer) } }, async (request) => {
      await changeOwnPassword(app.db, request.actor, tokenDigest(request.cookies[SESSION_COOKIE] ?? ''), request.body, request.ip, throttleSettings(app.config));
      app.actorCache.clear();
      return { ok: true };
    });
  }
}
