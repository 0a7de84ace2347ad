import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requirePermission } from '../../plugins/auth.js';
import { idParams, readOne, registerReadRoutes } from '../resource/read-routes.js';
import { answers } from '../../lib/response-schemas.js';
import { regionSpec } from './region-spec.js';
import { regionRecord } from './region-record.js';
import { regionUpdateBody } from './region-schemas.js';
import { updateRegion } from './update-region.js';

/** Regions: everyone reads them; HQ edits a region's names and provinces (moving schools with their provinces). */
export async function regionRoutes(app: FastifyInstance) {
  registerReadRoutes(app, regionSpec);
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.put('/api/regions/:id', {
    onRequest: requirePermission('regions', 'edit'),
    schema: {
      params: idParams, body: regionUpdateBody, tags: ['regions'], response: answers(regionRecord),
      description: 'A province added here leaves the region that listed it, and its schools move here (each audited with move_region).',
    },
  }, async (request) => {
    await updateRegion(app.db, request.actor, request.params.id, request.body);
    return readOne(app, regionSpec, request.params.id, request.actor, request.scope);
  });
}
