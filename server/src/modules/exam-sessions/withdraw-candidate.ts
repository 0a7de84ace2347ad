import { and, eq } from 'drizzle-orm';
import { todayInChina, type Actor, type Scope } from '@campus/common';
import type { Db } from '../../db/client.js';
import { examCandidates, examSessions } from '../../db/schema/index.js';
import { appendAudit } from '../audit/audit-repository.js';
import { invalid, notFound } from '../../lib/errors.js';
import { schoolScopeCondition } from '../access/scope-filter.js';
import { registrationOpenOn } from './exam-session-spec.js';

/**
 * A school withdraws one of its candidates while the session takes registrations (400 otherwise, nothing changed):
 * the session locked as a registration locks it, the row deleted, the withdrawal audited with the registration.
 */
export async function withdrawCandidate(db: Db, actor: Actor, scope: Scope, id: number) {
  await db.transaction(async (tx) => {
    const [found] = await tx.select({ sessionId: examCandidates.sessionId }).from(examCandidates).where(and(eq(examCandidates.id, id), schoolScopeCondition(scope, examCandidates.schoolId)));
    if (!found) throw notFound('exam candidate');
    const [session] = await tx.select().from(examSessions).where(eq(examSessions.id, found.sessionId)).for('update');
    const today = todayInChina();
    if (!registrationOpenOn(session, today)) {
      throw invalid([{ field: 'sessionId', code: 'exam_registration_not_open', params: { state: session.status, opensOn: session.registrationOpensOn, closesOn: session.registrationClosesOn, today } }]);
    }
    const [row] = await tx.delete(examCandidates).where(eq(examCandidates.id, id)).returning();
    if (!row) throw notFound('exam candidate');
    await appendAudit(tx, {
      entityType: 'exam_candidate', entityId: id, action: 'withdraw', actorId: actor.id, schoolId: row.schoolId,
      data: { deleted: { ...row, createdAt: row.createdAt.toISOString(), resultRecordedAt: row.resultRecordedAt?.toISOString() ?? null } },
    });
  });
}
