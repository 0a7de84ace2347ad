import { z } from 'zod';
import { and, eq, gte, ilike, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { likePattern } from '../../lib/list-query.js';
import { certificates, courseCompletions, jobRegistrations, practiceRecords, students, leftReasons } from '../../db/schema/index.js';
import { certificateResource } from './certificates.js';
import { practiceResource } from './practice-records.js';
import { jobRegistrationResource } from './job-registrations.js';
import { courseCompletionResource } from './course-completions.js';
import { filterDef, type ResourceSpec } from '../resource/resource-spec.js';
import { asList, dateValue, idValue, oneOrMany } from '../../lib/filters.js';
import { isoDate } from '../../lib/dates.js';
import { invalid } from '../../lib/errors.js';
import type { FactResource, FactValues, KeyedFact } from './fact-resource.js';
import { schoolOfWriter } from './fact-school.js';
import { cell } from '../import/cells.js';
import { updateSchemaOf } from './update-schema.js';
import { studentRecord } from './fact-records.js';
import { leftReasonValues } from './import/fact-vocabulary.js';

const fields = {
  studentNo: z.string().trim().min(1, 'is required').max(50),
  name: z.string().trim().min(1, 'is required').max(100),
  cohortYear: z.number().int().min(1990).max(2100),
  enrolledOn: isoDate.optional(),
  leftOn: isoDate.nullable().optional(),
  leftReason: z.enum(leftReasons).nullable().optional(),
  major: z.string().max(100).nullable().optional(),
  schoolId: z.number().int().optional(),
};

const consistent = (v: { leftOn?: string | null; leftReason?: string | null; enrolledOn?: string }, ctx: z.RefinementCtx) => {
  if (!!v.leftOn !== !!v.leftReason) ctx.addIssue({ code: 'custom', path: [v.leftOn ? 'leftReason' : 'leftOn'], message: 'give both the date the student left and why (graduated or withdrew), or neither', params: { code: 'left_both_or_neither' } });
  if (v.leftOn && v.enrolledOn && v.leftOn < v.enrolledOn) ctx.addIssue({ code: 'custom', path: ['leftOn'], message: 'cannot be before the enrolment date', params: { code: 'left_before_enrolment' } });
};

export const studentCreate = z.strictObject(fields).superRefine(consistent);
export const studentUpdate = updateSchemaOf(fields, ['id', 'createdAt', 'schoolName']).superRefine(consistent);

type Input = z.infer<typeof studentCreate>;
/** The default enrolment date: 1 September of the cohort year (API.md). */
const enrolledDefault = (cohortYear: number) => `${cohortYear}-09-01`;

function valuesOf(input: Partial<Input>, schoolId: number, current?: Record<string, unknown>): FactValues {
  const merged = { ...(current ?? {}), ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) } as Record<string, unknown>;
  const cohortYear = merged.cohortYear as number;
  const v = {
    schoolId, studentNo: merged.studentNo, name: merged.name, cohortYear,
    enrolledOn: (input.enrolledOn ?? (current && input.cohortYear === undefined ? current.enrolledOn : undefined) ?? enrolledDefault(cohortYear)) as string,
    leftOn: (merged.leftOn ?? null) as string | null, leftReason: (merged.leftReason ?? null) as string | null, major: (merged.major ?? null) as string | null,
  };
  if (v.leftOn && v.leftOn < v.enrolledOn) throw invalid([{ field: 'leftOn', code: 'left_before_enrolment' }]);
  if (!!v.leftOn !== !!v.leftReason) throw invalid([{ field: 'leftReason', code: 'left_both_or_neither' }]);
  return v;
}

/**
 * The q search of students. Three characters or more: ILIKE on name and student number (trigram
 * indexes). One or two (a Chinese given name, 王芳): names holding them, found through the GIN index
 * on name_grams(name) (migration 0019; trigrams need three characters) and tested by
 * `strpos(lower(name), q) <> 0`, which is exact on its own; the grams test then costs nothing per row
 * (an array containment answered by GIN is not rechecked), where before each matching row computed
 * name_grams() again in the filter: 3-5 s for 王 on the embedded database at 400 schools, 0.3 s on
 * PostgreSQL at 3.5 million students (issue 15 items 2 and 4). A search written in ASCII (Z9) also
 * finds a student number equal to it; one with Chinese characters looks up names only (an OR with
 * the student number would put the grams test back into every row's filter). `<> 0` rather than
 * `> 0`: the planner takes a function's `<>` to keep nearly every row and `>` a third of them, so its
 * estimate of a search stays that of the grams (the total shown as "about N" beyond the bound).
 */
function studentSearch(q: string): SQL {
  if ([...q].length > 2) return or(ilike(students.name, likePattern(q)), ilike(students.studentNo, likePattern(q)))!;
  const lower = q.toLowerCase();
  const name = sql`(name_grams(${students.name}) @> ARRAY[${lower}]::text[] AND strpos(lower(${students.name}), ${lower}) <> 0)`;
  // eslint-disable-next-line no-control-regex
  return /^[\x00-\x7f]*$/.test(q) ? or(name, eq(students.studentNo, q))! : name;
}

export const studentSpec: ResourceSpec = {
  name: 'students',
  noun: 'student',
  record: studentRecord,
  table: students,
  id: students.id,
  schoolId: students.schoolId,
  columns: {
    id: students.id, schoolId: students.schoolId, studentNo: students.studentNo, name: students.name, cohortYear: students.cohortYear,
    enrolledOn: students.enrolledOn, leftOn: students.leftOn, leftReason: students.leftReason, major: students.major, createdAt: students.createdAt,
  },
  sortable: { id: students.id, studentNo: students.studentNo, name: students.name, cohortYear: students.cohortYear, enrolledOn: students.enrolledOn, leftOn: students.leftOn },
  defaultSort: ['studentNo', 'ASC'],
  search: [students.name, students.studentNo],
  searchWhere: studentSearch,
  filters: {
    schoolId: filterDef(oneOrMany(idValue), (v) => inArray(students.schoolId, asList(v))),
    cohortYear: filterDef(oneOrMany(z.coerce.number().int()), (v) => inArray(students.cohortYear, asList(v))),
    leftReason: filterDef(z.enum([...leftReasons, 'none']), (v) => (v === 'none' ? isNull(students.leftReason) : eq(students.leftReason, v))),
    /** Enrolled in a year [from, to): enrolled before `to` and not left before `from`. */
    enrolledBefore: filterDef(dateValue, (v) => lt(students.enrolledOn, v)),
    notLeftBefore: filterDef(dateValue, (v) => or(isNull(students.leftOn), gte(students.leftOn, v))),
    graduatedFrom: filterDef(dateValue, (v) => and(eq(students.leftReason, 'graduated'), gte(students.leftOn, v))),
    graduatedBefore: filterDef(dateValue, (v) => and(eq(students.leftReason, 'graduated'), lt(students.leftOn, v))),
    studentNo: filterDef(z.string().max(50), (v) => eq(students.studentNo, v)),
  },
};

export const studentResource: FactResource = {
  spec: studentSpec,
  table: students,
  idColumn: students.id,
  schoolIdColumn: students.schoolId,
  entityType: 'student',
  createBody: studentCreate,
  updateBody: studentUpdate,
  dependents: () => [
    { fact: certificateResource, by: certificates.studentId },
    { fact: practiceResource, by: practiceRecords.studentId },
    { fact: jobRegistrationResource, by: jobRegistrations.studentId },
    { fact: courseCompletionResource, by: courseCompletions.studentId },
  ],
  async resolve(_tx, actor, _scope, input, current) {
    const schoolId = current ? (current.schoolId as number) : schoolOfWriter(actor, (input as Input).schoolId);
    if (current) schoolOfWriter(actor, (input as Input).schoolId ?? schoolId);
    return valuesOf(input as Input, schoolId, current);
  },
  csv: {
    // The Chinese name first (the templates' header), then the web's English labels, which its export writes in English.
    columns: [
      { key: 'studentNo', aliases: ['学号', 'Student no.'], required: true, example: '2024010101' },
      { key: 'name', aliases: ['姓名', 'Name'], required: true, example: '李明' },
      { key: 'cohortYear', aliases: ['入学年份', 'Cohort'], required: true, type: 'int', example: '2024' },
      { key: 'enrolledOn', aliases: ['入学日期', 'Enrolled on'], type: 'date', example: '2024-09-01' },
      { key: 'leftOn', aliases: ['离校日期', 'Left on'], type: 'date', example: '' },
      { key: 'leftReason', aliases: ['离校原因', 'Reason for leaving'], example: '', values: leftReasonValues },
      { key: 'major', aliases: ['专业', 'Major'], example: '跨境电子商务' },
    ],
    // The school of each student, which staff's exports name (院校): a school imports only its own.
    ignoredHeaders: ['院校', 'School', 'schoolName'],
    parse: (r) => ({ studentNo: cell.text(r.studentNo), name: cell.text(r.name), cohortYear: cell.int(r.cohortYear), enrolledOn: cell.text(r.enrolledOn), leftOn: cell.text(r.leftOn), leftReason: cell.text(r.leftReason), major: cell.text(r.major) }),
    // Duplicates within the file and numbers already recorded are the kit's (the natural key below).
    async resolveMany(_tx, actor, _scope, rows) {
      const schoolId = schoolOfWriter(actor, undefined);
      return { problems: [], values: (rows as { input: Input }[]).map(({ input }) => valuesOf(input, schoolId)) };
    },
    key: {
      field: 'studentNo',
      of: (input) => (input as Input).studentNo,
      async find(tx, schoolId, keys) {
        const found = new Map<string, KeyedFact>();
        for (let i = 0; i < keys.length; i += 5000) {
          const rows = await tx.select().from(students).where(and(eq(students.schoolId, schoolId), inArray(students.studentNo, keys.slice(i, i + 5000))));
          for (const r of rows) found.set(r.studentNo, { ...r, label: `${r.studentNo} ${r.name}` });
        }
        return found;
      },
      changes: (existing, input) => (['name', 'cohortYear', 'enrolledOn', 'leftOn', 'leftReason', 'major'] as const)
        .filter((f) => input[f] !== undefined && input[f] !== null && String(input[f]) !== String(existing[f] ?? '')),
      // An empty cell keeps the record's value (the update merges the row into the record).
      updateInput: async (_tx, _schoolId, input, existing) => ({ enrolledOn: existing.enrolledOn, ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) }),
    },
  },
};
