import { and, inArray } from 'drizzle-orm';
import { todayInChina, type Actor, type Scope } from '@campus/common';
import type { Db } from '../../db/client.js';
import { students } from '../../db/schema/index.js';
import { AppError, ErrorCode } from '../../lib/errors.js';
import { schoolScopeCondition } from '../access/scope-filter.js';
import { recomputeSchools } from '../compliance/recompute.js';
import { studentResource } from '../facts/students.js';
import { updateFactIn } from '../facts/update-fact.js';
import { feedbackReview } from '../provider-work/review-workflows.js';
import { runReviewAction, type ReviewWorkflow } from '../workflow/review-workflow.js';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';

/**
 * Bulk actions on the records a user selected in a list. Each is one transaction, all or none: the
 * records are first checked against the user's scope in one query (the same scope condition every
 * read and edit uses), and any record outside it (or absent) refuses the whole action with 404
 * naming each such id in `details`; then each record goes through the single-record use case (its
 * scoped lock, rules, audit event and notifications), and a record the rules refuse (a stale
 * version, a wrong state) refuses all of them with that record's problem.
 */

/** 404 naming every selected id the user cannot reach (absent, or another school's). */
async function requireAllInScope(db: Db, table: PgTable, id: PgColumn, schoolId: PgColumn, scope: Scope, ids: number[], noun: string) {
  const found = await db.select({ id }).from(table).where(and(inArray(id, ids), schoolScopeCondition(scope, schoolId)));
  const reachable = new Set(found.map((r) => r.id as number));
  const missing = ids.filter((i) => !reachable.has(i));
  if (missing.length) {
    throw new AppError(404, ErrorCode.notFound, { code: 'not_found', params: { entity: noun } }, missing.map((m) => ({ field: 'ids', code: 'not_found' as const, params: { entity: noun, id: m } })));
  }
}

/** Students who left on one day (graduated or withdrew): each an edit audited with its changes; the schools' KPIs recomputed once. */
export async function markStudentsLeft(db: Db, actor: Actor, scope: Scope, input: { ids: number[]; leftOn: string; leftReason: 'graduated' | 'withdrew' }) {
  const ids = [...new Set(input.ids)];
  return db.transaction(async (tx) => {
    await requireAllInScope(tx as unknown as Db, students, students.id, students.schoolId, scope, ids, 'student');
    const schoolIds = new Set<number>();
    for (const id of ids) {
      for (const s of await updateFactIn(tx, studentResource, actor, scope, id, { leftOn: input.leftOn, leftReason: input.leftReason })) schoolIds.add(s);
    }
    await recomputeSchools(tx, [...schoolIds], todayInChina());
    return { updated: ids.length };
  });
}

/** A review action (closing feedback) on several records, each with the version the user saw. */
export async function reviewMany(db: Db, w: ReviewWorkflow, actor: Actor, scope: Scope, action: string, items: { id: number; version: number }[], noun: string) {
  return db.transaction(async (tx) => {
    await requireAllInScope(tx as unknown as Db, w.table, w.columns.id, w.columns.schoolId, scope, items.map((i) => i.id), noun);
    // Each record's own use case, inside this transaction (a savepoint each): a refusal refuses all.
    for (const item of items) await runReviewAction(tx as unknown as Db, w, actor, scope, item.id, action, { version: item.version });
    return { updated: items.length };
  });
}

export const closeFeedback = (db: Db, actor: Actor, scope: Scope, items: { id: number; version: number }[]) =>
  reviewMany(db, feedbackReview, actor, scope, 'close', items, 'feedback');

