import { z } from 'zod';
import { examinableKinds, examSessionTypes } from '@campus/common';

const id = z.number().int().positive().max(2147483647);
const day = z.iso.date();

const fields = {
  title: z.string().trim().min(1).max(200),
  sessionType: z.enum(examSessionTypes),
  kind: z.enum(examinableKinds),
  examOn: day,
  registrationOpensOn: day,
  registrationClosesOn: day,
  siteIds: z.array(id).min(1).max(1000),
};

/** POST /api/exam-sessions (HQ). */
export const examSessionCreateBody = z.strictObject(fields);
export type ExamSessionCreate = z.output<typeof examSessionCreateBody>;

/** PUT /api/exam-sessions/:id (HQ, while scheduled): the fields to change and the version read; the record's read-only fields are ignored. */
export const examSessionUpdateBody = z.strictObject({
  ...Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v.optional()])) as { [K in keyof typeof fields]: z.ZodOptional<(typeof fields)[K]> },
  version: z.number().int().positive(),
  ...Object.fromEntries(['id', 'status', 'allowedActions', 'registrationOpen', 'resultsImportedAt', 'createdBy', 'sites', 'candidates', 'createdAt', 'updatedAt']
    .map((k) => [k, z.unknown().optional()])),
});
export type ExamSessionUpdate = z.output<typeof examSessionUpdateBody>;

/** POST /api/exam-sessions/:id/actions/close_registration|cancel */
export const examSessionActionBody = z.strictObject({ version: z.number().int().min(1), comment: z.string().trim().max(2000).optional() });
export type ExamSessionActionInput = z.infer<typeof examSessionActionBody>;

/** POST /api/exam-candidates: a school registers one of its students at one of the session's sites. */
export const candidateCreateBody = z.strictObject({ sessionId: id, siteId: id, studentId: id });
/** POST /api/exam-candidates/bulk/register: many students at one site, all or none. */
export const candidateBulkBody = z.strictObject({ sessionId: id, siteId: id, studentIds: z.array(id).min(1).max(5000) });

export const exportQuery = z.strictObject({ siteId: z.coerce.number().int().positive().max(2147483647).optional() });
