import type { Tx } from '../../db/client.js';
import type { Actor, Scope } from '@campus/common';
import type { ImportProblem } from './fact-resource.js';
import { schoolOfWriter, studentIdsByNo, studentInScope } from './fact-school.js';

/**
 * The student (and so the school) of a fact about a student. A school user names a student of its own
 * school; a provider a student of a school assigned to it. Anything else is 400 naming studentId.
 */
export async function resolveStudent(tx: Tx, actor: Actor, scope: Scope, studentId: unknown, requestedSchoolId?: unknown) {
  const ownSchool = actor.role === 'school' ? schoolOfWriter(actor, requestedSchoolId) : undefined;
  const student = await studentInScope(tx, scope, studentId, ownSchool);
  return { studentId: student.id, schoolId: student.schoolId };
}

/** Student ids for imported rows that name students by number in the importing school. */
export async function resolveStudentNumbers<T extends { studentNo?: string }>(tx: Tx, actor: Actor, rows: { line: number; input: T }[]) {
  const schoolId = schoolOfWriter(actor, undefined);
  const ids = await studentIdsByNo(tx, schoolId, rows.map((r) => r.input.studentNo ?? ''));
  const problems: ImportProblem[] = [];
  const resolved: { line: number; input: T; studentId: number }[] = [];
  for (const row of rows) {
    const id = ids.get(row.input.studentNo ?? '');
    if (!id) problems.push({ row: row.line, field: 'studentNo', code: 'no_student_number' });
    else resolved.push({ ...row, studentId: id });
  }
  return { schoolId, problems, resolved };
}
