import type { FastifyInstance } from 'fastify';
import { registerReadRoutes } from './resource/read-routes.js';
import { auditEventSpec } from './audit/audit-event-spec.js';

/** Resources that the API serves read-only (their writes are workflow actions or admin tools). */
export async function readOnlyRoutes(app: FastifyInstance) {
  // Schools and regions register their reads beside their writes (schools/routes.ts, regions/routes.ts).
  for (const spec of [auditEventSpec]) registerReadRoutes(app, spec);
}
