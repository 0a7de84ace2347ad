import { z } from 'zod';
import { tiers } from '@campus/common';
import { recordId, timestamp } from '../../lib/response-schemas.js';

const threshold = z.number().nullable();

/** A tier's policy from a year on: its KPI thresholds (null: no threshold) and the path an agreement takes. */
export const tierPolicyRecord = z.object({
  id: recordId, tier: z.enum(tiers), effectiveYear: z.number().int(),
  certifiedInstructors: threshold, teachingDelivery: threshold, offlineCourses: threshold, offlineCourseMinHours: z.number(),
  practiceHours: threshold, certificates1x: threshold, certificatesOperator: threshold, jobPlatformRate: threshold,
  activeResumeCompleteness: z.number(), activeMinApplications: z.number().int(), jobFairs: threshold, termYears: z.number().int(),
  requiresSigning: z.boolean(), requiresPlaque: z.boolean(), requiresInspection: z.boolean(), certificatesVerifiedOnly: z.boolean(),
  version: z.number().int(), updatedBy: recordId.nullable(), updatedAt: timestamp,
});
