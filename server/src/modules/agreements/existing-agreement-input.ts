import { z } from 'zod';
import { kpiNames, tiers } from '@campus/common';
import { isoDate } from '../../lib/dates.js';

/** The decisions an agreement year evaluated before the product may carry: the agreement ran on (it is live). */
export const importedDecisions = ['continue', 'rectify'] as const;

export const evaluatedYearInput = z.strictObject({
  year: z.number().int().min(1).max(10),
  decision: z.enum(importedDecisions),
  reason: z.string().trim().max(2000).nullish(),
});

/**
 * A partnership that began before the product (issue 13 item 4), as HQ records it: `POST
 * /api/agreements` takes one, `POST /api/agreements/import` a file of them (one per row). No
 * application: the agreement starts on `startDate` (any past day, any tier), live (`active` or
 * `rectifying` with the notice and deadline), with the years already evaluated outside the product.
 * `termYears` defaults to the term of the tier policy in force today.
 */
export const existingAgreementBody = z.strictObject({
  schoolId: z.number().int().positive(),
  tier: z.enum(tiers),
  startDate: isoDate,
  termYears: z.number().int().min(1).max(10).nullish(),
  status: z.enum(['active', 'rectifying']),
  rectificationNotice: z.string().trim().max(5000).nullish(),
  rectificationDeadline: isoDate.nullish(),
  rectificationKpis: z.array(z.enum(kpiNames)).max(kpiNames.length).nullish(),
  evaluatedYears: z.array(evaluatedYearInput).max(10).nullish(),
  comment: z.string().trim().max(5000).nullish(),
});

export type ExistingAgreementInput = z.infer<typeof existingAgreementBody>;
