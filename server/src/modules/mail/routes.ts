import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requirePermission } from '../../plugins/auth.js';
import { answers } from '../../lib/response-schemas.js';
import { idParams, readOne, registerReadRoutes } from '../resource/read-routes.js';
import { mailOutboxSpec } from './mail-outbox-spec.js';
import { mailOutboxRecord } from './mail-outbox-record.js';
import { retryMail } from './retry-mail.js';
import { readMailPreferences, setMailPreferences } from './digest/digest-preference.js';

const mailPreferences = z.object({ digestEnabled: z.boolean() });

/** HQ reads the outbox (GET /api/mail-outbox, /api/mail-outbox/:id) and sends a mail again; each user's digest preference. */
export async function mailOutboxRoutes(app: FastifyInstance) {
  registerReadRoutes(app, mailOutboxSpec);
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post('/api/mail-outbox/:id/actions/retry', {
    onRequest: requirePermission('mail-outbox', 'edit'),
    schema: { params: idParams, body: z.strictObject({}).optional(), tags: ['mail-outbox'], response: answers(mailOutboxRecord) },
  }, async (request) => {
    await retryMail(app.db, request.actor, request.params.id);
    return readOne(app, mailOutboxSpec, request.params.id, request.actor, request.scope);
  });
  // Every signed-in user's own: whether the daily digest comes.
  r.get('/api/auth/me/preferences', { schema: { tags: ['auth'], response: answers(mailPreferences) } }, async (request) =>
    readMailPreferences(app.db, request.actor));
  r.put('/api/auth/me/preferences', { schema: { body: z.strictObject({ digestEnabled: z.boolean() }), tags: ['auth'], response: answers(mailPreferences) } }, async (request) =>
    setMailPreferences(app.db, request.actor, request.body));
}
