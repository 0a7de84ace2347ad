import { z } from 'zod';
import { recordId, timestamp } from '../../lib/response-schemas.js';

/** The scorecard HQ reads beside each provider: its schools' current results, reports and feedback. */
const scorecard = z.object({
  createdAt: timestamp,
  updatedAt: timestamp,
  schoolIds: z.array(recordId).meta({ description: 'The schools the provider is assigned to (HQ only). A PUT with schoolIds replaces the set.' }),
  schools: z.number().int(), compliantSchools: z.number().int(), evaluatedSchools: z.number().int(),
  reportsSubmitted: z.number().int(), reportsConfirmed: z.number().int(), reportsRejected: z.number().int(),
  confirmedHours: z.number(), feedbackOpen: z.number().int(), feedbackTotal: z.number().int(), proposalsApproved: z.number().int(),
});

/**
 * A service provider: who it is for every role, with its schools and HQ's scorecard for HQ only.
 * `version` moves on with every change (its contact, `active`, its schools).
 */
export const providerRecord = z.object({
  id: recordId, name: z.string(), contactName: z.string().nullable(), contactEmail: z.string().nullable(), contactPhone: z.string().nullable(),
  active: z.boolean(), version: z.number().int(),
  ...scorecard.partial().shape,
});
