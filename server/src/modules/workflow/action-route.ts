import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requirePermission } from '../../plugins/auth.js';
import { answers } from '../../lib/response-schemas.js';
import { readOne } from '../resource/read-routes.js';
import type { ResourceSpec } from '../resource/resource-spec.js';
import { applicationActionParams } from '../applications/application-schemas.js';

/**
 * POST /api/<resource>/:id/actions/<action>: a role that cannot read the resource cannot learn
 * whether an id exists through its actions; the runner does the transition in one transaction, and
 * the answer is the record as the actor now sees it (with any ids the action created), or the record
 * as it was when the action removed it.
 */
export function registerActionRoute<B extends z.ZodType>(
  app: FastifyInstance, spec: ResourceSpec, body: B,
  run: (request: FastifyRequest, id: number, action: string, input: z.infer<B>) => Promise<unknown>,
  extraFields: readonly string[] = [],
) {
  app.withTypeProvider<ZodTypeProvider>().post(`/api/${spec.name}/:id/actions/:action`, {
    onRequest: requirePermission(spec.name, 'show'),
    schema: {
      params: applicationActionParams, body, tags: [spec.name],
      response: answers(z.union([spec.record, spec.record.partial().describe('The record as it was, when the action removed it (a draft deleted).')])),
    },
  }, async (request) => {
    const { id, action } = request.params as { id: number; action: string };
    const result = (await run(request, id, action, request.body as z.infer<B>)) as Record<string, unknown> | undefined;
    // An action whose effect removed the record (a draft deleted) answers with the record as it was.
    if (result?.removed === true) return result.record;
    const record = await readOne(app, spec, id, request.actor, request.scope);
    return { ...record, ...Object.fromEntries(extraFields.filter((f) => result?.[f] !== undefined).map((f) => [f, result![f]])) };
  });
}
