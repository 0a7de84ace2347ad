import { z } from 'zod';

export const openEvaluationBody = z.strictObject({
  agreementId: z.number().int().positive(),
  year: z.number().int().min(1).max(20),
});

export const bulkOpenBody = z.strictObject({
  /** Only agreements of these tiers / regions (all when omitted). */
  tier: z.array(z.string().max(30)).max(4).optional(),
  regionId: z.array(z.number().int().positive()).max(50).optional(),
});

export const evaluationActionBody = z.strictObject({
  version: z.number().int().min(1),
  decision: z.string().max(20).optional(),
  reason: z.string().max(5000).optional(),
  deadline: z.string().max(10).optional(),
  failingKpis: z.array(z.string().max(40)).max(8).optional(),
  notice: z.string().max(5000).optional(),
  comment: z.string().max(5000).optional(),
});
