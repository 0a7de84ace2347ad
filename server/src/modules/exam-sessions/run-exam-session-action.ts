import { eq, sql } from 'drizzle-orm';
import { examSessionTransitions, now, todayInChina, type Actor } from '@campus/common';
import type { Db } from '../../db/client.js';
import { examCandidates, examSessions } from '../../db/schema/index.js';
import { badRequest, notFound } from '../../lib/errors.js';
import { appendAudit } from '../audit/audit-repository.js';
import { notify } from '../notifications/notify.js';
import { checkTransition } from '../workflow/transition-runner.js';
import { carryOut, startRun, type Effects, type TransitionRun } from '../workflow/effects.js';
import type { ExamSessionActionInput } from './exam-session-input.js';

export type ExamSessionRow = typeof examSessions.$inferSelect;
export type ExamSessionRun = TransitionRun<ExamSessionRow, ExamSessionActionInput>;

/** What the exam session table's rows name (effect-registry.ts lists them with every other table's). */
export const examSessionEffects: Effects<ExamSessionRun> = {
  /** The schools with candidates in the session hear that registration closed, or that the session was cancelled. */
  notifySchools: {
    after: async (run) => {
      const schools = await run.tx.selectDistinct({ schoolId: examCandidates.schoolId }).from(examCandidates).where(eq(examCandidates.sessionId, run.row.id));
      const ids = schools.map((s) => s.schoolId).sort((a, b) => a - b);
      run.data.schoolsNotified = ids;
      run.result.schoolsNotified = ids;
    },
  },
};

/**
 * HQ closes registration of, or cancels, a scheduled session in one transaction: the row locked, the table's checks
 * (403 role, 409 stale version or state), the update, the audit event, the notification of each school with
 * candidates in it.
 */
export async function runExamSessionAction(db: Db, actor: Actor, id: number, action: string, input: ExamSessionActionInput) {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(examSessions).where(eq(examSessions.id, id)).for('update');
    if (!row) throw notFound('exam session');
    const decision = checkTransition(examSessionTransitions, row, action, actor.role, input.version, { input });
    // publish_results is the results import's (modules/exam-results), with the file it publishes.
    if (action === 'publish_results') throw badRequest('exam_results_by_import', [{ field: 'action', code: 'exam_results_by_import' }]);
    const run = startRun({ tx, actor, row, action, to: decision.to, input, today: todayInChina(), comment: input.comment?.trim() || null });
    await carryOut(examSessionEffects, decision.effects, run, {
      update: async (r) => { await tx.update(examSessions).set({ ...r.set, status: r.to, updatedAt: now(), version: sql`${examSessions.version} + 1` }).where(eq(examSessions.id, id)); },
      audit: async (r) => {
        await appendAudit(tx, { entityType: 'exam_session', entityId: id, action: action as 'cancel', fromState: row.status, toState: r.to, actorId: actor.id, comment: r.comment, data: r.data as { schoolsNotified?: number[] } });
      },
      notify: async (r) => {
        for (const schoolId of (r.result.schoolsNotified as number[] | undefined) ?? []) {
          await notify(tx, { audience: ['school'], schoolId, kind: `exam_session.${action}`, entityType: 'exam_session', entityId: id, params: { title: row.title, examOn: row.examOn }, exceptUserId: actor.id });
        }
      },
    });
    return run;
  });
}
