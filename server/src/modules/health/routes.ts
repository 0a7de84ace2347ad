import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';

export async function healthRoutes(app: FastifyInstance) {
  app.get('/api/health', { config: { public: true }, schema: { tags: ['health'] } }, async (_request, reply) => {
    try {
      await app.db.execute(sql`select 1`);
      return { status: 'ok', database: app.database.kind };
    } catch {
      reply.status(503);
      return { status: 'unavailable', database: app.database.kind };
    }
  });
}
