import { and, eq, gte, inArray, isNull, lte, or } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, Executor } from '../../db/client.js';
import { practiceRecords, providerReports, students } from '../../db/schema/index.js';
import type { Actor } from '@campus/common';
import { isoDate } from '../../lib/dates.js';
import { invalid, notFound } from '../../lib/errors.js';
import { refused } from '../../lib/refusals.js';
import { appendAudit } from '../audit/audit-repository.js';
import { happenedOn } from '../facts/fact-dates.js';
import { notify } from '../notifications/notify.js';
import { servesSchool } from '../providers/assignments.js';

export const providerReportBody = z.strictObject({
  schoolId: z.number().int().positive(),
  project: z.string().trim().min(1, 'name the project').max(200),
  periodFrom: isoDate,
  periodTo: isoDate,
  outcomes: z.string().max(10_000).optional(),
  /** Hours per student and day; they count once the school confirms the report. */
  records: z.array(z.strictObject({ studentId: z.number().int().positive(), hours: z.number().positive().max(2000), practicedOn: happenedOn })).max(5000).default([]),
  /**
   * A class's day in one entry (issue 17 item 7): the same hours on one day for many students, named
   * by their ids or as a class (a cohort, optionally of one major: its students enrolled on that day).
   * Each becomes one practice record per student, as if listed in `records`.
   */
  sessions: z.array(z.strictObject({
    studentIds: z.array(z.number().int().positive()).min(1).max(5000).optional(),
    cohortYear: z.number().int().min(1990).max(2100).optional(),
    major: z.string().trim().min(1).max(100).optional(),
    hours: z.number().positive().max(24),
    practicedOn: happenedOn,
  }).refine((s) => s.studentIds !== undefined || s.cohortYear !== undefined, { message: 'name the students or the class (cohortYear)', path: ['cohortYear'], params: { code: 'required' } }))
    .max(400).default([]),
}).refine((b) => b.periodTo >= b.periodFrom, { message: 'periodTo cannot be before periodFrom', path: ['periodTo'], params: { code: 'date_before', other: 'periodFrom' } })
  .refine((b) => b.records.length + b.sessions.length > 0, { message: 'list at least one student\'s hours', path: ['records'], params: { code: 'too_few_items', minimum: 1 } });

/** Practice records of one report at most (a class of 500 every day of a term is 50,000). */
export const MAX_REPORT_ROWS = 100_000;
type Input = z.infer<typeof providerReportBody>;
type Row = { studentId: number; hours: number; practicedOn: string };

/** The sessions' students, one row per student: the ids given, or the class's students enrolled on that day. */
async function expandSessions(tx: Executor, schoolId: number, sessions: Input['sessions']): Promise<Row[]> {
  const rows: Row[] = [];
  for (const s of sessions) {
    let ids = s.studentIds ?? [];
    if (!s.studentIds) {
      const found = await tx.select({ id: students.id }).from(students).where(and(
        eq(students.schoolId, schoolId), eq(students.cohortYear, s.cohortYear!), s.major ? eq(students.major, s.major) : undefined,
        lte(students.enrolledOn, s.practicedOn), or(isNull(students.leftOn), gte(students.leftOn, s.practicedOn)),
      )).orderBy(students.id);
      ids = found.map((f) => f.id);
      if (!ids.length) throw invalid([{ field: 'sessions.cohortYear', code: 'students_not_in_school', params: { ids: [] } }]);
    }
    for (const studentId of new Set(ids)) rows.push({ studentId, hours: s.hours, practicedOn: s.practicedOn });
    if (rows.length > MAX_REPORT_ROWS) throw invalid([{ field: 'sessions', code: 'too_many_entries', params: { maximum: MAX_REPORT_ROWS } }]);
  }
  return rows;
}

/** A provider files a practice-project report for an assigned school; its hours wait for the school. */
export async function createProviderReport(db: Db, actor: Actor, input: z.infer<typeof providerReportBody>) {
  if (actor.role !== 'provider' || !actor.providerId) throw refused('forbidden_role', 'only_provider_reports');
  const providerId = actor.providerId;
  return db.transaction(async (tx) => {
    const assigned = await servesSchool(tx, providerId, input.schoolId);
    if (!assigned) throw notFound('school');
    const records: Row[] = [...input.records, ...await expandSessions(tx, input.schoolId, input.sessions)];
    if (records.length > MAX_REPORT_ROWS) throw invalid([{ field: 'records', code: 'too_many_entries', params: { maximum: MAX_REPORT_ROWS } }]);
    const ids = [...new Set(records.map((r) => r.studentId))];
    const found = await tx.select({ id: students.id }).from(students).where(and(inArray(students.id, ids), eq(students.schoolId, input.schoolId)));
    const missing = ids.filter((id) => !found.some((f) => f.id === id));
    if (missing.length) throw invalid(missing.map((id) => ({ field: 'records.studentId', code: 'students_not_in_school', params: { ids: [id] } })));
    const outside = records.filter((r) => r.practicedOn < input.periodFrom || r.practicedOn > input.periodTo);
    if (outside.length) throw invalid([{ field: 'records.practicedOn', code: 'practice_outside_period' }]);
    const [report] = await tx.insert(providerReports).values({
      providerId, schoolId: input.schoolId, project: input.project, periodFrom: input.periodFrom, periodTo: input.periodTo,
      studentCount: ids.length, totalHours: records.reduce((s, r) => s + r.hours, 0), outcomes: input.outcomes ?? '', submittedBy: actor.id,
    }).returning();
    for (let i = 0; i < records.length; i += 5000) {
      await tx.insert(practiceRecords).values(records.slice(i, i + 5000).map((r) => ({
        studentId: r.studentId, schoolId: input.schoolId, providerId, providerReportId: report.id, project: input.project, hours: r.hours, practicedOn: r.practicedOn, confirmed: false,
      })));
    }
    // The audit event says how the report was entered: rows listed one by one, and class sessions (each with its students and day).
    await appendAudit(tx, {
      entityType: 'provider_report', entityId: report.id, schoolId: input.schoolId, action: 'submit', toState: 'submitted', actorId: actor.id,
      ...(input.sessions.length ? { data: { rows: records.length, listed: input.records.length, sessions: input.sessions.map((s) => ({ practicedOn: s.practicedOn, hours: s.hours, students: s.studentIds?.length ?? null, cohortYear: s.cohortYear ?? null, major: s.major ?? null })) } } : {}),
    });
    await notify(tx, { audience: ['school'], schoolId: input.schoolId, kind: 'provider_report.submit', entityType: 'provider_report', entityId: report.id, params: { project: input.project } });
    return report;
  });
}
