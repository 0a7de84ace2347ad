import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requirePermission } from '../../plugins/auth.js';
import { parseListQuery } from '../../lib/list-query.js';
import { getRecord, listRecords } from '../resource/resource-spec.js';
import { idParams, listQuerystring } from '../resource/read-routes.js';
import { notificationSpecFor } from './notification-spec.js';
import { unreadCount } from './unread-count.js';
import { markRead } from './mark-read.js';
import { notificationRecord } from './notification-record.js';
import { answers } from '../../lib/response-schemas.js';

export async function notificationRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/notifications', { onRequest: requirePermission('notifications', 'list'), schema: { querystring: listQuerystring, tags: ['notifications'], response: answers(z.array(notificationRecord)) } }, async (request, reply) => {
    const spec = notificationSpecFor(request.actor.id);
    const params = parseListQuery(request.query as Record<string, unknown>, spec.defaultSort);
    const { data, total } = await listRecords(app.db, spec, params, request.scope);
    const end = data.length ? params.range.offset + data.length - 1 : params.range.offset;
    reply.header('Content-Range', `notifications ${params.range.offset}-${end}/${total}`);
    return data;
  });
  r.get('/api/notifications/unread-count', { onRequest: requirePermission('notifications', 'list'), schema: { tags: ['notifications'], response: answers(z.object({ unread: z.number().int() })) } }, async (request) => {
    return { unread: await unreadCount(app.db, request.actor, request.scope) };
  });
  r.get('/api/notifications/:id', { onRequest: requirePermission('notifications', 'show'), schema: { params: idParams, tags: ['notifications'], response: answers(notificationRecord) } }, async (request) =>
    getRecord(app.db, notificationSpecFor(request.actor.id), request.params.id, request.scope));
  r.post('/api/notifications/read', {
    onRequest: requirePermission('notifications', 'list'),
    schema: { body: z.strictObject({ ids: z.array(z.number().int().positive()).max(1000).optional(), all: z.boolean().optional() }), tags: ['notifications'], response: answers(z.object({ read: z.number().int() })) },
  }, async (request) => {
    return { read: await markRead(app.db, request.actor, request.scope, request.body) };
  });
}
