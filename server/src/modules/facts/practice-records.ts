import { qualified } from '../../db/qualified.js';
import { z } from 'zod';
import { eq, gte, inArray, lt, sql } from 'drizzle-orm';
import { practiceRecords } from '../../db/schema/index.js';
import { filterDef, type ResourceSpec } from '../resource/resource-spec.js';
import { asList, dateValue, idValue, oneOrMany } from '../../lib/filters.js';
import { happenedOn } from './fact-dates.js';
import type { FactResource, ImportProblem } from './fact-resource.js';
import { resolveStudent, resolveStudentNumbers } from './student-facts.js';
import { schoolScopeCondition } from '../access/scope-filter.js';
import { students } from '../../db/schema/index.js';
import type { Tx } from '../../db/client.js';
import type { Scope } from '@campus/common';
import { and } from 'drizzle-orm';
import { cell } from '../import/cells.js';
import { updateSchemaOf } from './update-schema.js';
import { invalid } from '../../lib/errors.js';
import { practiceRecordRecord } from './fact-records.js';
import { practiceConfirmedValues } from './import/fact-vocabulary.js';

const body = {
  studentId: z.number().int().positive().optional(),
  studentNo: z.string().max(50).optional(),
  project: z.string().trim().min(1, 'name the project').max(200),
  hours: z.number().positive('must be more than 0').max(2000, 'at most 2000 hours in one record'),
  practicedOn: happenedOn,
  /** Only the school confirms hours; a provider's records wait for it. */
  confirmed: z.boolean().optional(),
  schoolId: z.number().int().optional(),
};
export const practiceCreate = z.strictObject(body);
export const practiceUpdate = updateSchemaOf(body, ['id', 'createdAt', 'studentName', 'providerId', 'providerReportId', 'confirmedAt', 'providerName']);

export const practiceSpec: ResourceSpec = {
  name: 'practice-records',
  noun: 'practice record',
  record: practiceRecordRecord,
  table: practiceRecords,
  id: practiceRecords.id,
  schoolId: practiceRecords.schoolId,
  columns: {
    id: practiceRecords.id, schoolId: practiceRecords.schoolId, studentId: practiceRecords.studentId, providerId: practiceRecords.providerId,
    providerReportId: practiceRecords.providerReportId, project: practiceRecords.project, hours: practiceRecords.hours,
    practicedOn: practiceRecords.practicedOn, confirmed: practiceRecords.confirmed, confirmedAt: practiceRecords.confirmedAt, createdAt: practiceRecords.createdAt,
    studentName: sql<string>`(SELECT s.name FROM students s WHERE s.id = ${qualified(practiceRecords.studentId)})`.as('student_name'),
    studentNo: sql<string>`(SELECT s.student_no FROM students s WHERE s.id = ${qualified(practiceRecords.studentId)})`.as('student_no'),
    providerName: sql<string | null>`(SELECT p.name FROM providers p WHERE p.id = ${qualified(practiceRecords.providerId)})`.as('provider_name'),
  },
  sortable: { id: practiceRecords.id, practicedOn: practiceRecords.practicedOn, hours: practiceRecords.hours, project: practiceRecords.project, confirmed: practiceRecords.confirmed },
  defaultSort: ['practicedOn', 'DESC'],
  search: [practiceRecords.project],
  filters: {
    schoolId: filterDef(oneOrMany(idValue), (v) => inArray(practiceRecords.schoolId, asList(v))),
    studentId: filterDef(idValue, (v) => eq(practiceRecords.studentId, v)),
    providerId: filterDef(idValue, (v) => eq(practiceRecords.providerId, v)),
    confirmed: filterDef(z.boolean(), (v) => eq(practiceRecords.confirmed, v)),
    from: filterDef(dateValue, (v) => gte(practiceRecords.practicedOn, v)),
    before: filterDef(dateValue, (v) => lt(practiceRecords.practicedOn, v)),
  },
};

export const practiceResource: FactResource = {
  spec: practiceSpec,
  table: practiceRecords,
  idColumn: practiceRecords.id,
  schoolIdColumn: practiceRecords.schoolId,
  entityType: 'practice_record',
  createBody: practiceCreate,
  updateBody: practiceUpdate,
  async resolve(tx, actor, scope, raw, current) {
    const input = raw as z.infer<typeof practiceUpdate>;
    const { studentId, schoolId } = await resolveStudent(tx, actor, scope, input.studentId ?? current?.studentId, input.schoolId);
    const isProvider = actor.role === 'provider';
    if (isProvider && input.confirmed) throw invalid([{ field: 'confirmed', code: 'school_confirms' }]);
    const confirmed = isProvider ? false : (input.confirmed ?? (current?.confirmed as boolean | undefined) ?? true);
    return {
      schoolId, studentId,
      project: (input.project ?? current?.project) as string,
      hours: (input.hours ?? current?.hours) as number,
      practicedOn: (input.practicedOn ?? current?.practicedOn) as string,
      confirmed,
      confirmedAt: confirmed ? ((current?.confirmedAt as Date | undefined) ?? sql`now()`) : null,
      providerId: isProvider ? actor.providerId : ((current?.providerId as number | null | undefined) ?? null),
    };
  },
  csv: {
    columns: [
      { key: 'studentNo', aliases: ['学号', 'Student no.'], required: true, example: '2024010101' },
      { key: 'project', aliases: ['实战项目', 'Project'], required: true, example: '义乌小商品出海实战' },
      { key: 'hours', aliases: ['学时', 'Hours'], required: true, type: 'number', example: '8' },
      { key: 'practicedOn', aliases: ['实战日期', 'Date'], required: true, type: 'date', example: '2026-05-12' },
      { key: 'confirmed', aliases: ['学校已确认', 'Confirmed by the school'], type: 'bool', example: 'true', values: practiceConfirmedValues },
    ],
    // The export's student name, provider (and, for staff, school) beside the number.
    ignoredHeaders: ['学生姓名', 'studentName', 'Student', '服务商', 'providerName', 'Provider', '院校', 'School', 'schoolName'],
    parse: (r) => ({ studentNo: cell.text(r.studentNo), project: cell.text(r.project), hours: cell.number(r.hours), practicedOn: cell.text(r.practicedOn), confirmed: cell.bool(r.confirmed) }),
    async resolveMany(tx, actor, scope, rows) {
      type I = z.infer<typeof practiceCreate>;
      if (actor.role === 'provider') {
        // A provider names students of its assigned schools; a number found in two of them is refused as ambiguous.
        const problems: ImportProblem[] = [];
        const values = [];
        for (const { line, input } of rows as { line: number; input: I }[]) {
          if (input.confirmed) { problems.push({ row: line, field: 'confirmed', code: 'school_confirms' }); continue; }
          const ids = await studentIdsInScope(tx, scope, input.studentNo ?? '');
          if (!ids) { problems.push({ row: line, field: 'studentNo', code: 'no_student_in_schools' }); continue; }
          values.push({ schoolId: ids.schoolId, studentId: ids.id, project: input.project, hours: input.hours, practicedOn: input.practicedOn, confirmed: false, confirmedAt: null, providerId: actor.providerId });
        }
        return { problems, values };
      }
      const { schoolId, problems, resolved } = await resolveStudentNumbers(tx, actor, rows as never);
      return {
        problems,
        values: resolved.map(({ input, studentId }) => {
          const i = input as I;
          const confirmed = i.confirmed ?? true;
          return { schoolId, studentId, project: i.project, hours: i.hours, practicedOn: i.practicedOn, confirmed, confirmedAt: confirmed ? sql`now()` : null, providerId: null };
        }),
      };
    },
  },
};

/** A student number is unique only within a school: a provider's import must not be ambiguous. */
async function studentIdsInScope(tx: Tx, scope: Scope, studentNo: string) {
  const rows = await tx.select({ id: students.id, schoolId: students.schoolId }).from(students)
    .where(and(eq(students.studentNo, studentNo), schoolScopeCondition(scope, students.schoolId))).limit(2);
  return rows.length === 1 ? rows[0] : undefined;
}
