import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import type { Actor, AuditEventInput, ReviewContext, Scope, TransitionTable } from '@campus/common';
import { todayInChina } from '@campus/common';
import { appendAudit } from '../audit/audit-repository.js';
import { notify } from '../notifications/notify.js';
import { notFound } from '../../lib/errors.js';
import type { ResourceSpec } from '../resource/resource-spec.js';
import { checkTransition } from './transition-runner.js';
import { carryOut, startRun, type Effects, type TransitionRun } from './effects.js';

export const reviewActionBody = z.strictObject({
  version: z.number().int().min(1),
  comment: z.string().max(5000).optional(),
  reply: z.string().max(5000).optional(),
});
export type ReviewInput = z.infer<typeof reviewActionBody>;

export type ReviewRow = Record<string, unknown> & { id: number; status: string; version: number; schoolId: number | null };
export type ReviewRun = TransitionRun<ReviewRow, ReviewInput>;

/** A record with a simple review workflow (a provider's report, a content proposal, feedback). */
export interface ReviewWorkflow {
  spec: ResourceSpec;
  table: PgTable;
  columns: { id: PgColumn; status: PgColumn; version: PgColumn; schoolId: PgColumn };
  transitions: TransitionTable<string, ReviewContext>;
  entityType: 'provider_report' | 'content_proposal' | 'feedback';
  /** The row as the actor may reach it (404 otherwise). */
  scope: (scope: Scope) => SQL | undefined;
  /** Columns every review action of this workflow sets besides state and version (the reviewer, the reason). */
  record?: (input: ReviewInput, actor: Actor) => Record<string, unknown>;
  /** The implementations of the effects its table names (the effect registry's entry for it). */
  effects: Effects<ReviewRun>;
}

/** One review action in one transaction: scoped lock, checks, then the table row's effects around the update, audit and notification. */
export async function runReviewAction(db: Db, w: ReviewWorkflow, actor: Actor, scope: Scope, id: number, action: string, input: ReviewInput) {
  await db.transaction(async (tx) => {
    const [row] = await tx.select().from(w.table).where(and(eq(w.columns.id, id), w.scope(scope))).for('update') as ReviewRow[];
    if (!row) throw notFound(w.spec.noun);
    const decision = checkTransition(w.transitions, row, action, actor.role, input.version, { input });
    const run = startRun({ tx, actor, row, action, to: decision.to, input, today: todayInChina(), comment: input.comment ?? input.reply ?? null });
    Object.assign(run.set, w.record?.(input, actor));
    await carryOut(w.effects, decision.effects, run, {
      update: async (r) => { await tx.update(w.table).set({ ...r.set, status: r.to, version: sql`${w.columns.version} + 1` }).where(eq(w.columns.id, id)); },
      // The table has checked the action: it is one of this workflow's (reviewActions in @campus/common).
      audit: async (r) => { await appendAudit(tx, { entityType: w.entityType, entityId: id, schoolId: row.schoolId, action, fromState: row.status, toState: r.to, actorId: actor.id, comment: r.comment } as AuditEventInput); },
      notify: async (r) => {
        if (row.schoolId && r.audience.length) {
          await notify(tx, { audience: r.audience, schoolId: row.schoolId, kind: `${w.entityType}.${action}`, entityType: w.entityType, entityId: id, exceptUserId: actor.id });
        }
      },
    });
  });
}
