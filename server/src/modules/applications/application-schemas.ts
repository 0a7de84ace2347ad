import { z } from 'zod';
import { planItemKinds, tiers } from '../../db/schema/index.js';

const shortText = z.string().max(200);
const longText = z.string().max(5000);

/** The plan's free parts. Known keys are checked; the plan stays a document the form can grow. */
export const planSchema = z.strictObject({
  summary: longText.optional(),
  contact: z.strictObject({ name: shortText.optional(), phone: z.string().max(30).optional(), email: z.string().max(200).optional() }).optional(),
  qualifications: z.strictObject({
    cbecDisciplineBase: z.boolean().optional(),
    talentTrainingValued: z.boolean().optional(),
    longTermPlan: longText.optional(),
    disciplineDescription: longText.optional(),
  }).optional(),
  targets: z.strictObject({
    certificates1x: z.number().int().min(0).max(100_000).nullable().optional(),
    certificatesOperator: z.number().int().min(0).max(100_000).nullable().optional(),
    jobPlatformRate: z.number().min(0).max(1).nullable().optional(),
    practiceHoursPerStudent: z.number().min(0).max(10_000).nullable().optional(),
    studentsPerYear: z.number().int().min(0).max(1_000_000).nullable().optional(),
  }).optional(),
  jobFairPlan: longText.optional(),
  practicePlan: longText.optional(),
});

export const planItemInput = z.strictObject({
  id: z.number().int().positive().optional(),
  kind: z.enum(planItemKinds),
  title: z.string().trim().min(1, 'give the item a title').max(200),
  details: z.record(z.string().max(50), z.union([z.string().max(2000), z.number(), z.boolean(), z.null()])).refine((d) => Object.keys(d).length <= 30, 'at most 30 details').optional(),
  needsPlatformSupport: z.boolean().optional(),
});

export const applicationCreateBody = z.strictObject({
  tier: z.enum(tiers),
  plan: planSchema.optional(),
  pledge: z.boolean().optional(),
  planItems: z.array(planItemInput).max(200).optional(),
});

/** A draft save: react-admin sends the whole record back, so the read-only fields are accepted and ignored. */
export const applicationUpdateBody = z.strictObject({
  version: z.number().int().min(1),
  tier: z.enum(tiers).optional(),
  plan: planSchema.optional(),
  pledge: z.boolean().optional(),
  planItems: z.array(planItemInput.extend({
    applicationId: z.unknown().optional(), approved: z.unknown().optional(), approvedBy: z.unknown().optional(), position: z.unknown().optional(),
  })).max(200).optional(),
  ...Object.fromEntries(['id', 'schoolId', 'status', 'reviewComments', 'upgradeFromAgreementId', 'submittedAt', 'decidedAt', 'createdAt', 'updatedAt', 'schoolName', 'regionId', 'waitingDays', 'allowedActions', 'editable', 'resubmitted', 'history'].map((k) => [k, z.unknown().optional()])),
});

export const applicationActionBody = z.strictObject({
  version: z.number().int().min(1),
  comment: z.string().max(5000).optional(),
  /** Reviewer comments keyed by the field they are about (shown next to the field on a returned plan). */
  fieldComments: z.record(z.string().max(100), z.string().max(2000)).refine((d) => Object.keys(d).length <= 50, 'at most 50 field comments').optional(),
  /** HQ's decision on plan items that need platform support, by item id. */
  planItemDecisions: z.record(z.string().regex(/^\d+$/, 'keys are plan item ids'), z.boolean()).optional(),
});

export const applicationActionParams = z.object({
  id: z.string().regex(/^\d{1,9}$/, 'must be a record id (a whole number)').transform(Number),
  action: z.string().regex(/^[a-z_]{1,40}$/, 'must be an action name'),
});
