import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { respond } from '../../lib/response-schemas.js';
import { healthAnswer, readinessAnswer } from './health-answer.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Set once the process has been told to stop: readiness answers 503 from then on (server.ts). */
    draining: { since?: Date };
  }
}

export async function healthRoutes(app: FastifyInstance) {
  app.get('/api/health', { config: { public: true }, schema: { tags: ['health'], response: respond({ 200: healthAnswer, 503: healthAnswer }) } }, async (_request, reply) => {
    try {
      await app.db.execute(sql`select 1`);
      return { status: 'ok', database: app.database.kind };
    } catch {
      reply.status(503).header('Retry-After', '5');
      return { status: 'unavailable', database: app.database.kind };
    }
  });

  // For a proxy or orchestrator: 503 while this process drains before it stops (SHUTDOWN_DRAIN_SECONDS), so
  // new work goes to another process; in-flight requests still finish (SHUTDOWN_GRACE_SECONDS).
  app.get('/api/health/ready', { config: { public: true }, schema: { tags: ['health'], response: respond({ 200: readinessAnswer, 503: readinessAnswer }) } }, async (_request, reply) => {
    if (app.draining.since) {
      reply.status(503).header('Retry-After', '5');
      return { status: 'draining' as const };
    }
    return { status: 'ready' as const };
  });
}
