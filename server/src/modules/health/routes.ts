import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { respond } from '../../lib/response-schemas.js';
import { healthAnswer } from './health-answer.js';

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
}
