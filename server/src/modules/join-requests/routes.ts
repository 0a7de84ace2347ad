import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requirePermission } from '../../plugins/auth.js';
import { answers, okAnswer, respond } from '../../lib/response-schemas.js';
import { languageOfHeader } from '../../lib/language.js';
import { applicationActionParams } from '../applications/application-schemas.js';
import { readOne, registerReadRoutes } from '../resource/read-routes.js';
import { provinceRegions } from '../regions/province-region.js';
import { confirmJoinBody, joinActionBody, joinRequestBody } from './join-request-input.js';
import { joinAcceptedAnswer } from './join-request-record.js';
import { joinRequestSpec } from './join-request-spec.js';
import { createJoinRequest } from './create-join-request.js';
import { confirmJoinRequest } from './confirm-join-request.js';
import { runJoinAction } from './run-join-action.js';
import { TooManyJoinRequests } from './join-throttle.js';

/**
 * The join page's API (no sign-in: the request, its confirmation, the provinces to choose from) and
 * the `join-requests` resource of regional staff and HQ with its actions accept and decline.
 */
export async function joinRequestRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/join-requests/provinces', { config: { public: true }, schema: { tags: ['join-requests'], response: answers(z.array(z.string())) } }, async () =>
    [...(await provinceRegions(app.db)).keys()]);

  r.post('/api/join-requests', { config: { public: true }, schema: { body: joinRequestBody, tags: ['join-requests'], response: respond({ 202: joinAcceptedAnswer }) } }, async (request, reply) => {
    try {
      await createJoinRequest(app.db, request.body, { address: request.ip, locale: languageOfHeader(request.headers['accept-language']) === 'en' ? 'en' : 'zh' });
    } catch (error) {
      if (error instanceof TooManyJoinRequests) reply.header('Retry-After', String(error.retryAfterSeconds));
      throw error;
    }
    reply.status(202);
    return { ok: true as const };
  });

  r.post('/api/join-requests/confirm', { config: { public: true }, schema: { body: confirmJoinBody, tags: ['join-requests'], response: answers(okAnswer) } }, async (request) => {
    await confirmJoinRequest(app.db, request.body.token);
    return { ok: true as const };
  });

  registerReadRoutes(app, joinRequestSpec);
  r.post('/api/join-requests/:id/actions/:action', {
    onRequest: requirePermission('join-requests', 'show'),
    schema: { params: applicationActionParams, body: joinActionBody, tags: ['join-requests'], response: answers(joinRequestSpec.record) },
  }, async (request) => {
    const { id, action } = request.params;
    await runJoinAction(app.db, request.actor, request.scope, id, action, request.body);
    return readOne(app, joinRequestSpec, id, request.actor, request.scope);
  });
}
