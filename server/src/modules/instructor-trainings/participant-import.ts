import { z } from 'zod';
import { trainingPassedValues } from '@campus/common';
import { and, eq, inArray } from 'drizzle-orm';
import { instructors, instructorTrainings as trainings, schools } from '../../db/schema/index.js';
import { cell, type ImportDefinition, type ImportProblem } from '../import/index.js';
import { requirePermission } from '../../plugins/auth.js';
import { invalid, notFound } from '../../lib/errors.js';
import { checkParticipants, writeParticipants, type ItemProblem, type ParticipantItem } from './record-participants.js';
import { lockTraining } from './add-participants.js';

/** A row names the instructor by id, or by school (its name) and staff number; then the result. */
const participantRow = z.strictObject({
  instructorId: z.number().int().positive().max(2_147_483_647).optional(),
  school: z.string().trim().min(1).max(200).optional(),
  staffNo: z.string().trim().min(1).max(50).optional(),
  passed: z.boolean(),
  score: z.number().min(0).max(1000).optional(),
  certNo: z.string().trim().min(1).max(100).optional(),
}).refine((r) => r.instructorId !== undefined || (r.school !== undefined && r.staffNo !== undefined), { path: ['instructorId'], params: { code: 'instructor_ref_missing' } });
type Row = z.output<typeof participantRow>;

const trainingIdOf = (params: Record<string, string>) => {
  const id = Number(params.id);
  if (!/^\d{1,9}$/.test(params.id ?? '')) throw notFound('instructor training');
  return id;
};
const problemOf = (p: ItemProblem): ImportProblem => ({ row: p.at ?? 0, field: p.field, code: p.code, params: p.params });

/**
 * POST /api/instructor-trainings/:id/participants/import (CSV or .xlsx, Chinese or English headers): a
 * training's participants, all rows or none, on the import kit. Each row names the instructor (any school's)
 * by id, or by its school's name and staff number, with passed, an optional score and certification number.
 * The rules are those of recording participants one by one (record-participants.ts), each problem on its row.
 */
export const participantImport: ImportDefinition<Row, never, ParticipantItem[]> = {
  name: 'instructor-training-participants',
  path: '/api/instructor-trainings/:id/participants',
  onRequest: requirePermission('instructor-trainings', 'import'),
  templateName: 'instructor-training-participants-template',
  columns: [
    { key: 'school', aliases: ['学校', '院校', 'School'], example: '浙江金融职业学院' },
    { key: 'staffNo', aliases: ['工号', 'Staff no.'], example: 'T2019001' },
    { key: 'instructorId', aliases: ['讲师编号', 'Instructor no.'], type: 'int', example: '12' },
    { key: 'passed', aliases: ['是否通过', 'Passed'], required: true, type: 'bool', example: '通过',
      values: trainingPassedValues },
    { key: 'score', aliases: ['成绩', 'Score'], type: 'number', example: '86.5' },
    { key: 'certNo', aliases: ['认证编号', 'Certification no.'], example: 'TT-2026-0001' },
  ],
  // The participants list's export writes the name beside the staff number: accepted and skipped.
  ignoredHeaders: ['姓名', 'Name', 'instructorName', 'name'],
  row: participantRow as unknown as z.ZodType<Row>,
  input: (c) => ({
    instructorId: cell.int(c.instructorId), school: cell.text(c.school), staffNo: cell.text(c.staffNo),
    passed: cell.bool(c.passed), score: cell.number(c.score), certNo: cell.text(c.certNo),
  }),
  async check(db, ctx, rows) {
    const trainingId = trainingIdOf(ctx.params);
    const [training] = await db.select().from(trainings).where(eq(trainings.id, trainingId));
    if (!training) throw notFound('instructor training');
    const problems: ImportProblem[] = [];
    // School names and staff numbers to instructors.
    const names = [...new Set(rows.filter((r) => r.input.instructorId === undefined).map((r) => r.input.school!))];
    const schoolIds = new Map<string, number>();
    for (let i = 0; i < names.length; i += 1000) {
      for (const s of await db.select({ id: schools.id, name: schools.name }).from(schools).where(inArray(schools.name, names.slice(i, i + 1000)))) schoolIds.set(s.name, s.id);
    }
    const byStaffNo = new Map<string, number>();
    for (const schoolId of new Set(schoolIds.values())) {
      const staffNos = [...new Set(rows.filter((r) => r.input.instructorId === undefined && schoolIds.get(r.input.school!) === schoolId).map((r) => r.input.staffNo!))];
      for (let i = 0; i < staffNos.length; i += 1000) {
        const found = await db.select({ id: instructors.id, staffNo: instructors.staffNo }).from(instructors)
          .where(and(eq(instructors.schoolId, schoolId), inArray(instructors.staffNo, staffNos.slice(i, i + 1000))));
        for (const f of found) byStaffNo.set(`${schoolId}|${f.staffNo}`, f.id);
      }
      await ctx.slice();
    }
    const items: ParticipantItem[] = [];
    for (const { row, input } of rows) {
      let instructorId = input.instructorId;
      if (instructorId === undefined) {
        const schoolId = schoolIds.get(input.school!);
        if (schoolId === undefined) { problems.push({ row, field: 'school', code: 'instructor_school_unknown', params: { school: input.school! } }); continue; }
        instructorId = byStaffNo.get(`${schoolId}|${input.staffNo}`);
        if (instructorId === undefined) { problems.push({ row, field: 'staffNo', code: 'instructor_unknown', params: { id: `${input.school} ${input.staffNo}` } }); continue; }
      }
      items.push({ at: row, input: { instructorId, passed: input.passed, score: input.score ?? null, certNo: input.certNo ?? null } });
    }
    const checked = await checkParticipants(db, training, items);
    problems.push(...checked.problems.map(problemOf));
    return { problems, prepared: items };
  },
  async write(tx, ctx, { prepared }) {
    // Checked again in the import's transaction, with the training locked: another request may have recorded some meanwhile.
    const training = await lockTraining(tx, trainingIdOf(ctx.params));
    const checked = await checkParticipants(tx, training, prepared);
    if (checked.problems.length) throw invalid(checked.problems.map(problemOf), 'all');
    await writeParticipants(tx, ctx.actor, training, prepared, checked, 'import');
  },
};
