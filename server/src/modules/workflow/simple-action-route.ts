import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import type { Tx } from '../../db/client.js';
import type { Actor, Scope } from '@campus/common';
import type { TransitionTable } from '@campus/common';
import type { ReviewContext } from '@campus/common';
import { requirePermission } from '../../plugins/auth.js';
import { answers } from '../../lib/response-schemas.js';
import { appendAudit } from '../audit/audit-repository.js';
import { notify, type Audience } from '../notifications/notify.js';
import { notFound } from '../../lib/errors.js';
import { applicationActionParams } from '../applications/application-schemas.js';
import { readOne } from '../resource/read-routes.js';
import type { ResourceSpec } from '../resource/resource-spec.js';
import { checkTransition } from './transition-runner.js';

export const reviewActionBody = z.strictObject({
  version: z.number().int().min(1),
  comment: z.string().max(5000).optional(),
  reply: z.string().max(5000).optional(),
});

interface Row { id: number; status: string; version: number; schoolId: number | null }

export interface SimpleWorkflow {
  spec: ResourceSpec;
  table: PgTable;
  columns: { id: PgColumn; status: PgColumn; version: PgColumn; schoolId: PgColumn };
  transitions: TransitionTable<string, ReviewContext>;
  entityType: string;
  /** The row as the actor may reach it (404 otherwise). */
  scope: (scope: Scope) => SQL | undefined;
  /** Columns to set besides status and version, and side effects, for an action. */
  apply?: (tx: Tx, row: Record<string, unknown>, action: string, input: z.infer<typeof reviewActionBody>, actor: Actor) => Promise<Record<string, unknown>>;
  audience: Record<string, Audience[]>;
}

/** POST /api/<resource>/:id/actions/<action> for a record with a simple review workflow. */
export function registerSimpleActionRoute(app: FastifyInstance, w: SimpleWorkflow) {
  app.withTypeProvider<ZodTypeProvider>().post(`/api/${w.spec.name}/:id/actions/:action`, {
    onRequest: requirePermission(w.spec.name, 'show'),
    schema: { params: applicationActionParams, body: reviewActionBody, tags: [w.spec.name], response: answers(w.spec.record) },
  }, async (request) => {
    const { id, action } = request.params;
    await app.db.transaction(async (tx) => {
      const [row] = await tx.select().from(w.table).where(and(eq(w.columns.id, id), w.scope(request.scope))).for('update') as Record<string, unknown>[];
      if (!row) throw notFound(w.spec.noun);
      const current = row as unknown as Row;
      const decision = checkTransition(w.transitions, current, action, request.actor.role, request.body.version, { input: request.body });
      const extra = (await w.apply?.(tx, row, action, request.body, request.actor)) ?? {};
      await tx.update(w.table).set({ ...extra, status: decision.to, version: sql`${w.columns.version} + 1` }).where(eq(w.columns.id, id));
      await appendAudit(tx, { entityType: w.entityType, entityId: id, schoolId: current.schoolId, action, fromState: current.status, toState: decision.to, actorId: request.actor.id, comment: request.body.comment ?? request.body.reply ?? null });
      const audience = decision.effects.flatMap((e) => w.audience[e] ?? []);
      if (current.schoolId && audience.length) {
        await notify(tx, { audience, schoolId: current.schoolId, kind: `${w.entityType}.${action}`, entityType: w.entityType, entityId: id, exceptUserId: request.actor.id });
      }
    });
    return readOne(app, w.spec, id, request.actor, request.scope);
  });
}
