import { and, eq, sql } from 'drizzle-orm';
import { examSiteTransitions, now, todayInChina, type Actor, type Scope } from '@campus/common';
import type { Db } from '../../db/client.js';
import { examSites } from '../../db/schema/index.js';
import { notFound } from '../../lib/errors.js';
import { appendAudit } from '../audit/audit-repository.js';
import { notify } from '../notifications/notify.js';
import { checkTransition } from '../workflow/transition-runner.js';
import { carryOut, startRun, type Effects, type TransitionRun } from '../workflow/effects.js';
import { examSiteScope } from './exam-site-spec.js';
import type { ExamSiteActionInput } from './exam-site-input.js';

export type ExamSiteRow = typeof examSites.$inferSelect;
export type ExamSiteRun = TransitionRun<ExamSiteRow, ExamSiteActionInput>;

/** What the exam site table's rows name (effect-registry.ts lists them with every other table's). */
export const examSiteEffects: Effects<ExamSiteRun> = {
  /** HQ's decision on the row: who, when, and a decline's or suspension's reason (cleared by an approval). */
  recordDecision: {
    before: (run) => { Object.assign(run.set, { decidedBy: run.actor.id, decidedAt: now(), decisionReason: run.input.reason?.trim() || null }); },
  },
  /** The proposing school hears of the decision (a venue has no school to tell). */
  notifyProposer: {
    before: (run) => { if (run.row.schoolId !== null) run.audience.push('school'); },
  },
};

/**
 * HQ approves, declines, suspends or reinstates an exam site, in one transaction: the site found through the
 * actor's scope (404 outside it) and locked, the table's checks (403 role, 409 stale version or state, 400 a
 * missing reason), the update, the audit event, and the proposing school's notification.
 */
export async function runExamSiteAction(db: Db, actor: Actor, scope: Scope, id: number, action: string, input: ExamSiteActionInput) {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(examSites).where(and(eq(examSites.id, id), examSiteScope(scope))).for('update');
    if (!row) throw notFound('exam site');
    const decision = checkTransition(examSiteTransitions, row, action, actor.role, input.version, { input });
    const run = startRun({ tx, actor, row, action, to: decision.to, input, today: todayInChina(), comment: input.reason?.trim() || input.comment?.trim() || null });
    await carryOut(examSiteEffects, decision.effects, run, {
      update: async (r) => { await tx.update(examSites).set({ ...r.set, status: r.to, updatedAt: now(), version: sql`${examSites.version} + 1` }).where(eq(examSites.id, id)); },
      audit: async (r) => {
        await appendAudit(tx, { entityType: 'exam_site', entityId: id, action: action as 'approve', fromState: row.status, toState: r.to, actorId: actor.id, comment: r.comment, schoolId: row.schoolId });
      },
      notify: async (r) => {
        if (row.schoolId !== null && r.audience.length) {
          await notify(tx, { audience: r.audience, schoolId: row.schoolId, kind: `exam_site.${action}`, entityType: 'exam_site', entityId: id, params: { siteName: row.name }, exceptUserId: actor.id });
        }
      },
    });
    return run;
  });
}
