import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { students } from '../../db/schema/index.js';
import type { Actor, Scope } from '@campus/common';
import { schoolScopeCondition } from '../access/scope-filter.js';
import { invalid } from '../../lib/errors.js';
import { refused } from '../../lib/refusals.js';

/**
 * The school a new fact belongs to: a school user's own school (a schoolId of another school in the
 * body is refused), or for a provider the school of the named student, which must be assigned to it.
 */
export function schoolOfWriter(actor: Actor, requested: unknown): number {
  if (actor.role === 'school') {
    if (requested !== undefined && requested !== null && Number(requested) !== actor.schoolId) {
      throw invalid([{ field: 'schoolId', code: 'not_your_school' }]);
    }
    return actor.schoolId!;
  }
  throw refused('forbidden_role', 'only_school_records');
}

/** A student of the writer's scope (and of `schoolId`, when given): 400 naming the field otherwise. */
export async function studentInScope(tx: Tx, scope: Scope, studentId: unknown, schoolId?: number, field = 'studentId') {
  const id = Number(studentId);
  const [s] = Number.isInteger(id) && id > 0 && id <= 2_147_483_647
    ? await tx.select({ id: students.id, schoolId: students.schoolId }).from(students)
      .where(and(eq(students.id, id), schoolScopeCondition(scope, students.schoolId), schoolId ? eq(students.schoolId, schoolId) : undefined))
    : [];
  if (!s) throw invalid([{ field, code: 'no_student_in_school' }]);
  return s;
}

/** Student ids by student number within one school, for imports. */
export async function studentIdsByNo(tx: Tx, schoolId: number, numbers: string[]) {
  const map = new Map<string, number>();
  const unique = [...new Set(numbers.filter(Boolean))];
  for (let i = 0; i < unique.length; i += 5000) {
    const rows = await tx.select({ id: students.id, studentNo: students.studentNo }).from(students)
      .where(and(eq(students.schoolId, schoolId), inArray(students.studentNo, unique.slice(i, i + 5000))));
    for (const r of rows) map.set(r.studentNo, r.id);
  }
  return map;
}
