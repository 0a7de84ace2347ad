import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requirePermission } from '../../plugins/auth.js';
import { parseListQuery } from '../../lib/list-query.js';
import { getRecord, listRecordsJson } from '../resource/resource-spec.js';
import { listQuerystring, TOTAL_ESTIMATED_HEADER } from '../resource/read-routes.js';
import { todayInChina, type ComplianceRecord } from '@campus/common';
import { complianceIdPattern, complianceSpec } from './compliance-spec.js';
import { ensureComplianceFresh } from './recompute.js';
import { dashboardStats } from './dashboard-stats.js';
import { answers } from '../../lib/response-schemas.js';
import { complianceRecordSchema, trendPointSchema } from '@campus/common/api-schemas';
import { dashboardStatsAnswer } from './compliance-answers.js';
import { complianceTrend } from './trend.js';
import { badRequest } from '../../lib/errors.js';
import { reasonOfIssue } from '../../lib/zod-problems.js';
import { asList, idValue, oneOrMany } from '../../lib/filters.js';
import { tiers } from '../../db/schema/index.js';

const statsFilter = z.strictObject({
  regionId: oneOrMany(idValue).transform(asList).optional(),
  tier: oneOrMany(z.enum(tiers)).transform(asList).optional(),
});

export async function complianceRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/compliance', { onRequest: requirePermission('compliance', 'list'), schema: { querystring: listQuerystring, tags: ['compliance'], response: answers(z.array(complianceRecordSchema)) } }, async (request, reply) => {
    await ensureComplianceFresh(app.db, todayInChina(), { background: true });
    const params = parseListQuery(request.query as Record<string, unknown>, complianceSpec.defaultSort);
    // The page as the database writes it: the records are stored pre-built (compliance-record.ts).
    const { json, count, total, estimated } = await listRecordsJson(app.db, complianceSpec, params, request.scope);
    const end = count ? params.range.offset + count - 1 : params.range.offset;
    reply.header('Content-Range', `compliance ${params.range.offset}-${end}/${total}`);
    if (estimated) reply.header(TOTAL_ESTIMATED_HEADER, 'true');
    reply.type('application/json; charset=utf-8');
    return json;
  });
  r.get('/api/compliance/summary', {
    onRequest: requirePermission('compliance', 'list'),
    schema: { querystring: z.object({ filter: z.string().max(2000).optional() }), tags: ['compliance'], response: answers(dashboardStatsAnswer) },
  }, async (request) => {
    await ensureComplianceFresh(app.db, todayInChina(), { background: true });
    const params = parseListQuery(request.query as Record<string, unknown>, ['id', 'ASC']);
    const parsed = statsFilter.safeParse(params.filter);
    if (!parsed.success) throw badRequest('compliance_filter_invalid', parsed.error.issues.map((issue) => ({ field: ['filter', ...issue.path.map(String)].join('.'), ...reasonOfIssue(issue, params.filter) })));
    return dashboardStats(app.db, request.scope, parsed.data);
  });
  r.get('/api/compliance/:id/trend', {
    onRequest: requirePermission('compliance', 'show'),
    schema: { params: z.object({ id: z.string().regex(complianceIdPattern, 'must look like <agreementId>-<year>, e.g. 12-2') }), tags: ['compliance'], response: answers(z.array(trendPointSchema)) },
  }, async (request) => {
    const row = await getRecord(app.db, complianceSpec, request.params.id, request.scope) as unknown as ComplianceRecord;
    return complianceTrend(app.db, row);
  });
  r.get('/api/compliance/:id', {
    onRequest: requirePermission('compliance', 'show'),
    schema: { params: z.object({ id: z.string().regex(complianceIdPattern, 'must look like <agreementId>-<year>, e.g. 12-2') }), tags: ['compliance'], response: answers(complianceRecordSchema) },
  }, async (request) => {
    await ensureComplianceFresh(app.db, todayInChina(), { background: true });
    return getRecord(app.db, complianceSpec, request.params.id, request.scope);
  });
}
