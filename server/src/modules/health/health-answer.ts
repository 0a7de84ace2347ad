import { z } from 'zod';

/** GET /api/health: 200 when the database answers, 503 when it does not. */
export const healthAnswer = z.object({ status: z.enum(['ok', 'unavailable']), database: z.string() });

/** GET /api/health/ready: 200 while the process takes new work, 503 once it drains to stop. */
export const readinessAnswer = z.object({ status: z.enum(['ready', 'draining']) });
