import { z } from 'zod';

export const agreementActionBody = z.strictObject({
  version: z.number().int().min(1),
  comment: z.string().max(5000).optional(),
  /** The day the step happened (signing, ceremony, inspection), YYYY-MM-DD. */
  on: z.string().max(10).optional(),
  place: z.string().max(200).optional(),
  /** Evidence files (already uploaded) for the step, e.g. the plaque ceremony photo. */
  evidenceIds: z.array(z.number().int().positive()).max(20).optional(),
  checklist: z.strictObject({ instructorsInPlace: z.boolean().optional(), resourcesConfigured: z.boolean().optional() }).optional(),
  missing: z.array(z.string().max(500)).max(50).optional(),
});
