import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
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
  records: z.array(z.strictObject({ studentId: z.number().int().positive(), hours: z.number().positive().max(2000), practicedOn: happenedOn })).min(1, 'list at least one student\'s hours').max(5000),
}).refine((b) => b.periodTo >= b.periodFrom, { message: 'periodTo cannot be before periodFrom', path: ['periodTo'], params: { code: 'date_before', other: 'periodFrom' } });

/** A provider files a practice-project report for an assigned school; its hours wait for the school. */
export async function createProviderReport(db: Db, actor: Actor, input: z.infer<typeof providerReportBody>) {
  if (actor.role !== 'provider' || !actor.providerId) throw refused('forbidden_role', 'only_provider_reports');
  const providerId = actor.providerId;
  return db.transaction(async (tx) => {
    const assigned = await servesSchool(tx, providerId, input.schoolId);
    if (!assigned) throw notFound('school');
    const ids = [...new Set(input.records.map((r) => r.studentId))];
    const found = await tx.select({ id: students.id }).from(students).where(and(inArray(students.id, ids), eq(students.schoolId, input.schoolId)));
    const missing = ids.filter((id) => !found.some((f) => f.id === id));
    if (missing.length) throw invalid(missing.map((id) => ({ field: 'records.studentId', code: 'students_not_in_school', params: { ids: [id] } })));
    const outside = input.records.filter((r) => r.practicedOn < input.periodFrom || r.practicedOn > input.periodTo);
    if (outside.length) throw invalid([{ field: 'records.practicedOn', code: 'practice_outside_period' }]);
    const [report] = await tx.insert(providerReports).values({
      providerId, schoolId: input.schoolId, project: input.project, periodFrom: input.periodFrom, periodTo: input.periodTo,
      studentCount: ids.length, totalHours: input.records.reduce((s, r) => s + r.hours, 0), outcomes: input.outcomes ?? '', submittedBy: actor.id,
    }).returning();
    await tx.insert(practiceRecords).values(input.records.map((r) => ({
      studentId: r.studentId, schoolId: input.schoolId, providerId, providerReportId: report.id, project: input.project, hours: r.hours, practicedOn: r.practicedOn, confirmed: false,
    })));
    await appendAudit(tx, { entityType: 'provider_report', entityId: report.id, schoolId: input.schoolId, action: 'submit', toState: 'submitted', actorId: actor.id });
    await notify(tx, { audience: ['school'], schoolId: input.schoolId, kind: 'provider_report.submit', entityType: 'provider_report', entityId: report.id, params: { project: input.project } });
    return report;
  });
}
