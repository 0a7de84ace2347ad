import { qualified } from '../../db/qualified.js';
import { z } from 'zod';
import { and, asc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import { jobApplications, jobRegistrations, students } from '../../db/schema/index.js';
import { filterDef, type ResourceSpec } from '../resource/resource-spec.js';
import { asList, idValue, oneOrMany } from '../../lib/filters.js';
import { applicationsAfterRegistration, firstApplicationBefore, happenedOn } from './fact-dates.js';
import { invalid } from '../../lib/errors.js';
import type { Tx } from '../../db/client.js';
import type { FactResource, KeyedFact } from './fact-resource.js';
import { resolveStudent, resolveStudentNumbers } from './student-facts.js';
import { cell } from '../import/cells.js';
import { updateSchemaOf } from './update-schema.js';
import { jobRegistrationRecord } from './fact-records.js';

const body = {
  studentId: z.number().int().positive().optional(),
  studentNo: z.string().max(50).optional(),
  registeredOn: happenedOn,
  platformAccount: z.string().trim().max(100).nullable().optional(),
  resumeCompleteness: z.number().min(0).max(100, 'is a percentage, 0–100'),
  /** The dates of the job applications the student sent on the platform (replaces the list). */
  applicationDates: z.array(happenedOn).max(1000).optional(),
  schoolId: z.number().int().optional(),
};
export const jobRegistrationCreate = z.strictObject(body).superRefine(applicationsAfterRegistration);
export const jobRegistrationUpdate = updateSchemaOf(body, ['id', 'createdAt', 'updatedAt', 'studentName', 'applicationCount', 'lastAppliedOn']).superRefine(applicationsAfterRegistration);

export const jobRegistrationSpec: ResourceSpec = {
  name: 'job-registrations',
  noun: 'job-platform registration',
  record: jobRegistrationRecord,
  table: jobRegistrations,
  id: jobRegistrations.id,
  schoolId: jobRegistrations.schoolId,
  columns: {
    id: jobRegistrations.id, schoolId: jobRegistrations.schoolId, studentId: jobRegistrations.studentId,
    registeredOn: jobRegistrations.registeredOn, platformAccount: jobRegistrations.platformAccount,
    resumeCompleteness: jobRegistrations.resumeCompleteness, createdAt: jobRegistrations.createdAt, updatedAt: jobRegistrations.updatedAt,
    studentName: sql<string>`(SELECT s.name FROM students s WHERE s.id = ${qualified(jobRegistrations.studentId)})`.as('student_name'),
    studentNo: sql<string>`(SELECT s.student_no FROM students s WHERE s.id = ${qualified(jobRegistrations.studentId)})`.as('student_no'),
    applicationDates: sql<string[]>`coalesce((SELECT array_agg(to_char(ja.applied_on, 'YYYY-MM-DD') ORDER BY ja.applied_on) FROM job_applications ja WHERE ja.registration_id = ${qualified(jobRegistrations.id)}), '{}')`.as('application_dates'),
  },
  sortable: { id: jobRegistrations.id, registeredOn: jobRegistrations.registeredOn, resumeCompleteness: jobRegistrations.resumeCompleteness },
  defaultSort: ['registeredOn', 'DESC'],
  search: [jobRegistrations.platformAccount],
  filters: {
    schoolId: filterDef(oneOrMany(idValue), (v) => inArray(jobRegistrations.schoolId, asList(v))),
    studentId: filterDef(idValue, (v) => eq(jobRegistrations.studentId, v)),
    minResume: filterDef(z.coerce.number().min(0).max(100), (v) => gte(jobRegistrations.resumeCompleteness, v)),
  },
};

async function replaceApplications(tx: Tx, registrationId: number, studentId: number, schoolId: number, dates: string[]) {
  await tx.delete(jobApplications).where(eq(jobApplications.registrationId, registrationId));
  if (dates.length) await tx.insert(jobApplications).values(dates.map((appliedOn) => ({ registrationId, studentId, schoolId, appliedOn })));
}

/**
 * An edit keeps every application on or after the registration (DOMAIN.md "KPI edge rules"): the
 * new dates against the stored registration day, or a moved registration day against the stored applications.
 */
async function checkApplicationsAfter(tx: Tx, registrationId: number, registeredOn: string, newDates?: string[]) {
  if (newDates) {
    const i = firstApplicationBefore(registeredOn, newDates);
    if (i >= 0) throw invalid([{ field: `body.applicationDates.${i}`, code: 'application_before_registration', params: { date: newDates[i], registeredOn } }]);
    return;
  }
  const [early] = await tx.select({ appliedOn: jobApplications.appliedOn }).from(jobApplications)
    .where(and(eq(jobApplications.registrationId, registrationId), lt(jobApplications.appliedOn, registeredOn))).orderBy(asc(jobApplications.appliedOn)).limit(1);
  if (early) throw invalid([{ field: 'body.registeredOn', code: 'registration_after_application', params: { appliedOn: early.appliedOn, registeredOn } }]);
}

export const jobRegistrationResource: FactResource = {
  spec: jobRegistrationSpec,
  table: jobRegistrations,
  idColumn: jobRegistrations.id,
  schoolIdColumn: jobRegistrations.schoolId,
  entityType: 'job_registration',
  createBody: jobRegistrationCreate,
  updateBody: jobRegistrationUpdate,
  async resolve(tx, actor, scope, raw, current) {
    const input = raw as z.infer<typeof jobRegistrationUpdate>;
    const { studentId, schoolId } = await resolveStudent(tx, actor, scope, input.studentId ?? current?.studentId, input.schoolId);
    const registeredOn = (input.registeredOn ?? current?.registeredOn) as string;
    if (current) await checkApplicationsAfter(tx, current.id as number, registeredOn, input.applicationDates as string[] | undefined);
    return {
      schoolId, studentId,
      registeredOn,
      platformAccount: (input.platformAccount !== undefined ? input.platformAccount : current?.platformAccount ?? null) as string | null,
      resumeCompleteness: (input.resumeCompleteness ?? current?.resumeCompleteness) as number,
      updatedAt: sql`now()`,
    };
  },
  async afterWrite(tx, id, raw, values) {
    const input = raw as z.infer<typeof jobRegistrationUpdate>;
    if (input.applicationDates) await replaceApplications(tx, id, values.studentId as number, values.schoolId, input.applicationDates as string[]);
  },
  csv: {
    columns: [
      { key: 'studentNo', aliases: ['学号', 'Student no.'], required: true, example: '2024010101' },
      { key: 'registeredOn', aliases: ['注册日期', 'Registered on'], required: true, type: 'date', example: '2026-03-01' },
      { key: 'platformAccount', aliases: ['平台账号', 'Platform account'], example: 'liming2024' },
      { key: 'resumeCompleteness', aliases: ['简历完整度', 'Resume completeness'], required: true, type: 'number', example: '85' },
      { key: 'applicationDates', aliases: ['投递日期', 'Application dates'], type: 'dates', example: '2026-03-05;2026-04-12' },
    ],
    // The export's student name (and, for staff, school) beside the number.
    ignoredHeaders: ['学生姓名', 'studentName', 'Student', '院校', 'School', 'schoolName'],
    // One registration per student: a registered student's number is a duplicate (create) or updates it (`?mode=upsert`).
    key: {
      field: 'studentNo',
      of: (input) => (typeof input.studentNo === 'string' && input.studentNo.trim() ? input.studentNo.trim() : undefined),
      async find(tx, schoolId, keys) {
        const found = new Map<string, KeyedFact>();
        for (let i = 0; i < keys.length; i += 5000) {
          const rows = await tx.select({
            id: jobRegistrations.id, studentNo: students.studentNo, registeredOn: jobRegistrations.registeredOn,
            platformAccount: jobRegistrations.platformAccount, resumeCompleteness: jobRegistrations.resumeCompleteness,
            applicationDates: sql<string[]>`coalesce((SELECT array_agg(to_char(ja.applied_on, 'YYYY-MM-DD') ORDER BY ja.applied_on) FROM job_applications ja WHERE ja.registration_id = ${jobRegistrations.id}), '{}')`,
          }).from(jobRegistrations).innerJoin(students, eq(students.id, jobRegistrations.studentId))
            .where(and(eq(jobRegistrations.schoolId, schoolId), inArray(students.studentNo, keys.slice(i, i + 5000))));
          for (const r of rows) found.set(r.studentNo, { ...r, label: r.studentNo });
        }
        return found;
      },
      // An empty cell keeps the record's value; the application dates compare as a sorted list.
      changes: (existing, input) => (['registeredOn', 'platformAccount', 'resumeCompleteness', 'applicationDates'] as const).filter((f) => {
        const v = input[f];
        if (v === undefined || v === null || (Array.isArray(v) && !v.length)) return false;
        if (f === 'applicationDates') return [...(v as string[])].sort().join(';') !== ((existing.applicationDates as string[] | null) ?? []).join(';');
        return String(v) !== String(existing[f] ?? '');
      }),
      updateInput: async (_tx, _schoolId, input) => Object.fromEntries((['registeredOn', 'platformAccount', 'resumeCompleteness', 'applicationDates'] as const)
        .map((f) => [f, input[f]] as const).filter(([, v]) => v !== undefined && v !== null && !(Array.isArray(v) && !v.length))),
    },
    parse: (r) => ({ studentNo: cell.text(r.studentNo), registeredOn: cell.text(r.registeredOn), platformAccount: cell.text(r.platformAccount), resumeCompleteness: cell.number(r.resumeCompleteness), applicationDates: cell.list(r.applicationDates) }),
    async resolveMany(tx, actor, _scope, rows) {
      type I = z.infer<typeof jobRegistrationCreate>;
      const { schoolId, problems, resolved } = await resolveStudentNumbers(tx, actor, rows as never);
      const seen = new Map<number, number>();
      for (const r of resolved) {
        const first = seen.get(r.studentId);
        if (first) problems.push({ row: r.line, field: 'studentNo', code: 'same_student_as_row', params: { other: first } });
        else seen.set(r.studentId, r.line);
      }
      const inputs = resolved.map((r) => ({ ...r, input: r.input as I }));
      return {
        problems,
        values: inputs.map(({ input, studentId }) => ({ schoolId, studentId, registeredOn: input.registeredOn, platformAccount: input.platformAccount ?? null, resumeCompleteness: input.resumeCompleteness })),
        after: async (tx2, ids) => {
          const apps = ids.flatMap((registrationId, i) => (inputs[i].input.applicationDates ?? []).map((appliedOn) => ({ registrationId, studentId: inputs[i].studentId, schoolId, appliedOn })));
          for (let i = 0; i < apps.length; i += 1000) await tx2.insert(jobApplications).values(apps.slice(i, i + 1000));
        },
      };
    },
  },
};
