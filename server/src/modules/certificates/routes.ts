import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requirePermission } from '../../plugins/auth.js';
import { answers } from '../../lib/response-schemas.js';
import { parseListQuery } from '../../lib/list-query.js';
import { idParams, listQuerystring, readOne } from '../resource/read-routes.js';
import { certificateSpec } from '../facts/certificates.js';
import { certificateRecord } from '../facts/fact-records.js';
import { verifyCertificate } from './verify-certificate.js';
import { listReconciliation, reconciliationRecord } from './reconciliation.js';

const verifyBody = z.strictObject({ comment: z.string().max(2000).optional() }).optional();

/**
 * HQ's `verify` of a claimed certificate (POST /api/certificates/:id/actions/verify), and the reconciliation of
 * claimed and verified certificate numbers (GET /api/certificate-reconciliation; HQ, and regional staff for the
 * schools of their regions).
 */
export async function certificateVerificationRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post('/api/certificates/:id/actions/verify', {
    onRequest: requirePermission('certificates', 'show'),
    schema: { params: idParams, body: verifyBody, tags: ['certificates'], response: answers(certificateRecord) },
  }, async (request) => {
    await verifyCertificate(app.db, request.actor, request.scope, request.params.id, request.body?.comment);
    return readOne(app, certificateSpec, request.params.id, request.actor, request.scope);
  });

  r.get('/api/certificate-reconciliation', {
    onRequest: requirePermission('certificate-reconciliation', 'list'),
    schema: { querystring: listQuerystring, tags: ['certificate-reconciliation'], response: answers(z.array(reconciliationRecord)) },
  }, async (request, reply) => {
    const params = parseListQuery(request.query as Record<string, unknown>, ['schoolName', 'ASC']);
    const { data, total } = await listReconciliation(app.db, request.scope, params);
    const end = data.length ? params.range.offset + data.length - 1 : params.range.offset;
    reply.header('Content-Range', `certificate-reconciliation ${params.range.offset}-${end}/${total}`);
    return data;
  });
}
