import { z } from 'zod';
import { examinableKinds } from '@campus/common';

/** The longest texts of an exam site. */
export const examSiteLimits = { name: 100, address: 300, contactName: 100, contactPhone: 30, contactEmail: 200 } as const;

const fields = {
  name: z.string().trim().min(1).max(examSiteLimits.name),
  address: z.string().trim().min(1).max(examSiteLimits.address),
  capacity: z.number().int().min(1).max(100_000),
  kinds: z.array(z.enum(examinableKinds)).min(1).max(examinableKinds.length)
    .refine((k) => new Set(k).size === k.length, { message: 'invalid_value' }),
  contactName: z.string().trim().min(1).max(examSiteLimits.contactName),
  contactPhone: z.string().trim().max(examSiteLimits.contactPhone).refine((v) => /^[0-9+\-\s()]{6,30}$/.test(v), { message: 'invalid_format' }),
  contactEmail: z.string().trim().toLowerCase().max(examSiteLimits.contactEmail)
    .refine((v) => v === '' || z.email().safeParse(v).success, { message: 'invalid_email' })
    .nullish().transform((v) => (v ? v : null)),
  /** Staff name the region of a venue; a school's site is in its school's region (leave it out). */
  regionId: z.number().int().positive().max(2147483647).nullish().transform((v) => v ?? null),
};

/** POST /api/exam-sites: a school proposes its own school, staff a venue of a region. */
export const examSiteCreateBody = z.strictObject(fields);
export type ExamSiteCreate = z.output<typeof examSiteCreateBody>;

/**
 * PUT /api/exam-sites/:id: the fields to change and the version read. The read-only fields a react-admin form sends
 * back with the record are accepted and ignored.
 */
export const examSiteUpdateBody = z.strictObject({
  ...Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v.optional()])) as { [K in keyof typeof fields]: z.ZodOptional<(typeof fields)[K]> },
  version: z.number().int().positive(),
  ...Object.fromEntries(['id', 'status', 'allowedActions', 'schoolId', 'schoolName', 'regionName', 'decisionReason', 'decidedBy', 'decidedByName',
    'decidedAt', 'createdBy', 'createdByName', 'editable', 'createdAt', 'updatedAt'].map((k) => [k, z.unknown().optional()])),
});
export type ExamSiteUpdate = z.output<typeof examSiteUpdateBody>;

/** POST /api/exam-sites/:id/actions/<action>: a decline and a suspension need the reason. */
export const examSiteActionBody = z.strictObject({
  version: z.number().int().min(1),
  reason: z.string().trim().max(2000).optional(),
  comment: z.string().trim().max(2000).optional(),
});
export type ExamSiteActionInput = z.infer<typeof examSiteActionBody>;
