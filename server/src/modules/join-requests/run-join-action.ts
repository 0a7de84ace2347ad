import { and, eq, sql } from 'drizzle-orm';
import { joinRequestTransitions, now, todayInChina, type Actor, type Scope } from '@campus/common';
import type { Db } from '../../db/client.js';
import { joinRequests } from '../../db/schema/index.js';
import { notFound } from '../../lib/errors.js';
import { appendAudit } from '../audit/audit-repository.js';
import { checkTransition } from '../workflow/transition-runner.js';
import { carryOut, startRun } from '../workflow/effects.js';
import { effectRegistry } from '../workflow/effect-registry.js';
import type { JoinActionInput } from './join-request-input.js';
import { joinRequestScope } from './join-request-spec.js';
import type { JoinRequestRow } from './join-effects.js';

/**
 * accept or decline a join request, in one transaction: the request found through the actor's scope
 * (404 outside it) and locked, the table's checks (403 role, 409 stale version or state, 400 a
 * missing reason), the row's effects around the update, and the audit event with who decided.
 */
export async function runJoinAction(db: Db, actor: Actor, scope: Scope, id: number, action: string, input: JoinActionInput) {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(joinRequests).where(and(eq(joinRequests.id, id), joinRequestScope(scope))).for('update') as JoinRequestRow[];
    if (!row) throw notFound('join request');
    const decision = checkTransition(joinRequestTransitions, row, action, actor.role, input.version, { input });
    const run = startRun({ tx, actor, row, action, to: decision.to, input, today: todayInChina(), comment: input.comment?.trim() || null });
    Object.assign(run.set, { decidedBy: actor.id, decidedAt: now(), updatedAt: now() });
    await carryOut(effectRegistry.join_request, decision.effects, run, {
      update: async (r) => { await tx.update(joinRequests).set({ ...r.set, status: r.to, version: sql`${joinRequests.version} + 1` }).where(eq(joinRequests.id, id)); },
      audit: async (r) => {
        const common = { entityType: 'join_request', entityId: id, fromState: row.status, toState: r.to, actorId: actor.id, comment: r.comment, schoolId: (r.set.schoolId as number | undefined) ?? null } as const;
        if (action === 'accept') await appendAudit(tx, { ...common, action: 'accept', data: r.data as { schoolId: number; schoolCreated: boolean; userId: number } });
        else await appendAudit(tx, { ...common, action: 'decline' });
      },
      notify: async () => {},
    });
    return run;
  });
}
