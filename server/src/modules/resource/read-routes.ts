import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requirePermission } from '../../plugins/auth.js';
import { parseListQuery } from '../../lib/list-query.js';
import { getRecord, listRecords, type ResourceSpec } from './resource-spec.js';
import { answers } from '../../lib/response-schemas.js';
import type { Actor, Scope } from '@campus/common';

export const idParams = z.object({ id: z.string().regex(/^\d{1,9}$/, 'must be a record id (a whole number)').transform(Number) });
export const listQuerystring = z.object({
  sort: z.string().optional(),
  range: z.string().optional(),
  filter: z.string().optional(),
}).catchall(z.unknown());

/** Sent with a list whose Content-Range total is an estimate (more than EXACT_TOTAL_BOUND records): the UI shows "about N". */
export const TOTAL_ESTIMATED_HEADER = 'X-Total-Estimated';

/** One record as the API answers it: scoped, enriched for the actor, with its detail. */
export async function readOne(app: FastifyInstance, spec: ResourceSpec, id: number, actor: Actor, scope: Scope) {
  let row = (await getRecord(app.db, spec, id, scope)) as Record<string, unknown>;
  if (spec.enrich) [row] = await spec.enrich([row], actor, app.db);
  if (spec.detail) row = await spec.detail(row, actor, app.db);
  return row;
}

/** GET /api/<name> (getList, getMany) and GET /api/<name>/:id, per the ra-data-simple-rest protocol. */
export function registerReadRoutes(app: FastifyInstance, spec: ResourceSpec) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(`/api/${spec.name}`, {
    onRequest: requirePermission(spec.name, 'list'),
    schema: { querystring: listQuerystring, tags: [spec.name], response: answers(z.array(spec.record)) },
  }, async (request, reply) => {
    const params = parseListQuery(request.query as Record<string, unknown>, spec.defaultSort);
    const { data: rows, total, estimated } = await listRecords(app.db, spec, params, request.scope);
    const data = spec.enrich ? await spec.enrich(rows as Record<string, unknown>[], request.actor, app.db) : rows;
    const start = params.range.offset;
    const end = data.length ? start + data.length - 1 : start;
    reply.header('Content-Range', `${spec.name} ${start}-${end}/${total}`);
    if (estimated) reply.header(TOTAL_ESTIMATED_HEADER, 'true');
    return data;
  });
  r.get(`/api/${spec.name}/:id`, {
    onRequest: requirePermission(spec.name, 'show'),
    schema: { params: idParams, tags: [spec.name], response: answers(spec.record) },
  }, async (request) => readOne(app, spec, request.params.id, request.actor, request.scope));
}
