import { z } from 'zod';
import { tiers } from '../../db/schema/index.js';

const count = z.number().int().min(0).max(100_000).nullable();
const ratio = z.number().min(0).max(1).nullable();

/** The editable thresholds of a tier policy; null means "none" for the tier. */
export const thresholdFields = {
  certifiedInstructors: count,
  teachingDelivery: ratio,
  offlineCourses: count,
  offlineCourseMinHours: z.number().int().min(1).max(1000),
  practiceHours: z.number().min(0).max(10_000).nullable(),
  certificates1x: count,
  certificatesOperator: count,
  jobPlatformRate: ratio,
  activeResumeCompleteness: z.number().min(0).max(100),
  activeMinApplications: z.number().int().min(0).max(1000),
  jobFairs: count,
  termYears: z.number().int().min(1).max(10),
  requiresSigning: z.boolean(),
  requiresPlaque: z.boolean(),
  requiresInspection: z.boolean(),
  /** Only verified certificates count for the certificate KPIs (and the job-platform rate's certified students); issue 18. */
  certificatesVerifiedOnly: z.boolean(),
};

const optionalThresholds = Object.fromEntries(
  Object.entries(thresholdFields).map(([k, v]) => [k, v.optional()]),
) as { [K in keyof typeof thresholdFields]: z.ZodOptional<(typeof thresholdFields)[K]> };

/**
 * An edit of a policy's thresholds. react-admin sends the whole record back, so the read-only
 * fields are accepted (and ignored); anything else unknown is refused.
 */
export const tierPolicyUpdateBody = z.strictObject({
  version: z.number().int().min(1),
  comment: z.string().max(2000).optional(),
  ...optionalThresholds,
  id: z.unknown().optional(),
  tier: z.unknown().optional(),
  effectiveYear: z.unknown().optional(),
  updatedAt: z.unknown().optional(),
  updatedBy: z.unknown().optional(),
});

export const tierPolicyCreateBody = z.strictObject({
  tier: z.enum(tiers),
  effectiveYear: z.number().int().min(2000).max(2100),
  comment: z.string().max(2000).optional(),
  ...thresholdFields,
  certificatesVerifiedOnly: thresholdFields.certificatesVerifiedOnly.optional(),
});
