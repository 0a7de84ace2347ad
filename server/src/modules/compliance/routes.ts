import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requirePermission } from '../../plugins/auth.js';
import { parseListQuery } from '../../lib/list-query.js';
import { getRecord, listRecords } from '../resource/resource-spec.js';
import { listQuerystring } from '../resource/read-routes.js';
import { todayInChina } from '../../domain/calendar/agreement-year.js';
import { complianceIdPattern, complianceSpec } from './compliance-spec.js';
import { ensureComplianceFresh } from './recompute.js';

export async function complianceRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/compliance', { onRequest: requirePermission('compliance', 'list'), schema: { querystring: listQuerystring, tags: ['compliance'] } }, async (request, reply) => {
    await ensureComplianceFresh(app.db, todayInChina());
    const params = parseListQuery(request.query as Record<string, unknown>, complianceSpec.defaultSort);
    const { data, total } = await listRecords(app.db, complianceSpec, params, request.scope);
    const end = data.length ? params.range.offset + data.length - 1 : params.range.offset;
    reply.header('Content-Range', `compliance ${params.range.offset}-${end}/${total}`);
    return data;
  });
  r.get('/api/compliance/:id', {
    onRequest: requirePermission('compliance', 'show'),
    schema: { params: z.object({ id: z.string().regex(complianceIdPattern, 'must look like <agreementId>-<year>, e.g. 12-2') }), tags: ['compliance'] },
  }, async (request) => {
    await ensureComplianceFresh(app.db, todayInChina());
    return getRecord(app.db, complianceSpec, request.params.id, request.scope);
  });
}
