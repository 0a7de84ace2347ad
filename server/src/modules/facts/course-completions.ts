import { qualified } from '../../db/qualified.js';
import { z } from 'zod';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { courseCompletions, courses, students } from '../../db/schema/index.js';
import { filterDef, type ResourceSpec } from '../resource/resource-spec.js';
import { asList, idValue, oneOrMany } from '../../lib/filters.js';
import { happenedOn } from './fact-dates.js';
import { invalid } from '../../lib/errors.js';
import type { FactResource, ImportProblem, KeyedFact } from './fact-resource.js';
import { resolveStudent, resolveStudentNumbers } from './student-facts.js';
import { cell } from '../import/cells.js';
import { updateSchemaOf } from './update-schema.js';
import { courseCompletionRecord } from './fact-records.js';

const body = {
  studentId: z.number().int().positive().optional(),
  studentNo: z.string().max(50).optional(),
  courseId: z.number().int().positive().optional(),
  courseCode: z.string().max(50).optional(),
  completedOn: happenedOn,
  schoolId: z.number().int().optional(),
};

export const courseCompletionSpec: ResourceSpec = {
  name: 'course-completions',
  noun: 'course completion',
  record: courseCompletionRecord,
  table: courseCompletions,
  id: courseCompletions.id,
  schoolId: courseCompletions.schoolId,
  columns: {
    id: courseCompletions.id, schoolId: courseCompletions.schoolId, studentId: courseCompletions.studentId, courseId: courseCompletions.courseId,
    completedOn: courseCompletions.completedOn,
    courseTitle: sql<string>`(SELECT c.title FROM courses c WHERE c.id = ${qualified(courseCompletions.courseId)})`.as('course_title'),
    courseCode: sql<string | null>`(SELECT c.code FROM courses c WHERE c.id = ${qualified(courseCompletions.courseId)})`.as('course_code'),
    studentNo: sql<string>`(SELECT s.student_no FROM students s WHERE s.id = ${qualified(courseCompletions.studentId)})`.as('student_no'),
    studentName: sql<string>`(SELECT s.name FROM students s WHERE s.id = ${qualified(courseCompletions.studentId)})`.as('student_name'),
  },
  sortable: { id: courseCompletions.id, completedOn: courseCompletions.completedOn },
  defaultSort: ['completedOn', 'DESC'],
  filters: {
    schoolId: filterDef(oneOrMany(idValue), (v) => inArray(courseCompletions.schoolId, asList(v))),
    studentId: filterDef(idValue, (v) => eq(courseCompletions.studentId, v)),
    courseId: filterDef(idValue, (v) => eq(courseCompletions.courseId, v)),
  },
};

/** A course a student may complete: a catalogue course or one of the school's own. */
async function courseFor(tx: Parameters<FactResource['resolve']>[0], schoolId: number, courseId?: number, code?: string) {
  const [c] = await tx.select({ id: courses.id }).from(courses).where(sql`(${courses.schoolId} IS NULL OR ${courses.schoolId} = ${schoolId}) AND ${courseId ? sql`${courses.id} = ${courseId}` : sql`${courses.code} = ${code ?? ''}`}`).limit(1);
  return c?.id;
}

export const courseCompletionResource: FactResource = {
  spec: courseCompletionSpec,
  table: courseCompletions,
  idColumn: courseCompletions.id,
  schoolIdColumn: courseCompletions.schoolId,
  entityType: 'course_completion',
  createBody: z.strictObject(body),
  updateBody: updateSchemaOf(body, ['id', 'courseTitle', 'studentName']),
  async resolve(tx, actor, scope, raw, current) {
    const input = raw as Partial<z.infer<z.ZodObject<typeof body>>>;
    const { studentId, schoolId } = await resolveStudent(tx, actor, scope, input.studentId ?? current?.studentId, input.schoolId);
    const courseId = await courseFor(tx, schoolId, input.courseId ?? (current?.courseId as number | undefined), input.courseCode);
    if (!courseId) throw invalid([{ field: 'courseId', code: 'no_course' }]);
    return { schoolId, studentId, courseId, completedOn: (input.completedOn ?? current?.completedOn) as string };
  },
  csv: {
    columns: [
      { key: 'studentNo', aliases: ['学号', 'Student no.'], required: true, example: '2024010101' },
      { key: 'courseCode', aliases: ['课程代码', 'Course code'], required: true, example: '1X-J-01' },
      { key: 'completedOn', aliases: ['完成日期', 'Completed on'], required: true, type: 'date', example: '2026-01-10' },
    ],
    // The export's student name and course title (and, for staff, school) beside the numbers.
    ignoredHeaders: ['学生姓名', 'studentName', 'Student', '课程名称', 'courseTitle', 'Course', '院校', 'School', 'schoolName'],
    // A student completes a course once: the pair is a duplicate (create) or updates the date (`?mode=upsert`).
    key: {
      field: 'courseCode',
      of: (input) => (typeof input.studentNo === 'string' && typeof input.courseCode === 'string' ? `${input.studentNo.trim()}\u0000${input.courseCode.trim()}` : undefined),
      async find(tx, schoolId, keys) {
        const found = new Map<string, KeyedFact>();
        for (let i = 0; i < keys.length; i += 5000) {
          const numbers = [...new Set(keys.slice(i, i + 5000).map((k) => k.split('\u0000')[0]))];
          const rows = await tx.select({ id: courseCompletions.id, studentNo: students.studentNo, courseCode: courses.code, completedOn: courseCompletions.completedOn })
            .from(courseCompletions).innerJoin(students, eq(students.id, courseCompletions.studentId)).innerJoin(courses, eq(courses.id, courseCompletions.courseId))
            .where(and(eq(courseCompletions.schoolId, schoolId), inArray(students.studentNo, numbers)));
          for (const r of rows) if (r.courseCode) found.set(`${r.studentNo}\u0000${r.courseCode}`, { ...r, label: `${r.studentNo} ${r.courseCode}` });
        }
        return found;
      },
      changes: (existing, input) => (input.completedOn !== undefined && String(input.completedOn) !== String(existing.completedOn) ? ['completedOn'] : []),
      updateInput: async (_tx, _schoolId, input) => ({ completedOn: input.completedOn }),
    },
    parse: (r) => ({ studentNo: cell.text(r.studentNo), courseCode: cell.text(r.courseCode), completedOn: cell.text(r.completedOn) }),
    async resolveMany(tx, actor, _scope, rows) {
      const { schoolId, problems, resolved } = await resolveStudentNumbers(tx, actor, rows as never);
      const codes = [...new Set(resolved.map((r) => (r.input as { courseCode?: string }).courseCode ?? ''))];
      const found = codes.length ? await tx.select({ id: courses.id, code: courses.code }).from(courses).where(sql`(${courses.schoolId} IS NULL OR ${courses.schoolId} = ${schoolId}) AND ${inArray(courses.code, codes)}`) : [];
      const byCode = new Map(found.map((c) => [c.code, c.id]));
      const values = [];
      for (const r of resolved) {
        const i = r.input as { courseCode?: string; completedOn: string };
        const courseId = byCode.get(i.courseCode ?? '');
        if (!courseId) problems.push({ row: r.line, field: 'courseCode', code: 'no_course_code' } satisfies ImportProblem);
        else values.push({ schoolId, studentId: r.studentId, courseId, completedOn: i.completedOn });
      }
      return { problems, values };
    },
  },
};
