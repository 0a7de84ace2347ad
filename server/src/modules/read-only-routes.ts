import type { FastifyInstance } from 'fastify';
import { registerReadRoutes } from './resource/read-routes.js';
import { regionSpec } from './regions/region-spec.js';
import { schoolSpec } from './schools/school-spec.js';
import { auditEventSpec } from './audit/audit-event-spec.js';

/** Resources that the API serves read-only (their writes are workflow actions or admin tools). */
export async function readOnlyRoutes(app: FastifyInstance) {
  for (const spec of [regionSpec, schoolSpec, auditEventSpec]) registerReadRoutes(app, spec);
}
