import { z } from 'zod';
import { kpiNames, tiers, type WhatIfAnswer, type WhatIfPassFail, type WhatIfSchool } from '@campus/common';
import { complianceRecordSchema } from '@campus/common/api-schemas';
import { recordId } from '../../lib/response-schemas.js';

const tally = { schools: z.number().int(), compliant: z.number().int() };

/** GET /api/compliance/summary: the dashboard's counts over the current years in scope, and the schools at risk. */
export const dashboardStatsAnswer = z.object({
  totals: z.object(tally),
  byTier: z.array(z.object({ tier: z.enum(tiers), ...tally })),
  regionTier: z.array(z.object({ regionId: recordId, tier: z.enum(tiers), ...tally })),
  failingByKpi: z.array(z.object({ kpi: z.enum(kpiNames), schools: z.number().int() })),
  /** The failing schools (at most 50, most failing KPIs first) and how many there are in all. */
  atRisk: z.array(complianceRecordSchema),
  atRiskCount: z.number().int(),
});

const passFail = z.object({ pass: z.number().int(), fail: z.number().int() }) satisfies z.ZodType<WhatIfPassFail>;
const whatIfTally = { before: passFail, after: passFail, passToFail: z.number().int(), failToPass: z.number().int() };

/**
 * POST /api/tier-policies/:id/what-if: the schools whose current year falls under the policy, each
 * judged now and with the unsaved edit (which flip, pass → fail or fail → pass), and the tallies by
 * region, by tier and in all.
 */
export const whatIfAnswer = z.object({
  policyId: recordId,
  tier: z.enum(tiers),
  effectiveYear: z.number().int(),
  recomputedKpis: z.array(z.enum(kpiNames)),
  byRegion: z.array(z.object({ regionId: recordId, nameZh: z.string(), nameEn: z.string(), ...whatIfTally })),
  byTier: z.array(z.object({ tier: z.enum(tiers), ...whatIfTally })),
  total: z.object(whatIfTally),
  schools: z.array(z.object({
    schoolId: recordId,
    schoolName: z.string(),
    regionId: recordId,
    tier: z.enum(tiers),
    agreementId: recordId,
    year: z.number().int(),
    complianceId: z.string(),
    before: z.boolean(),
    after: z.boolean(),
    flip: z.enum(['pass_to_fail', 'fail_to_pass']).nullable(),
    failingBefore: z.array(z.enum(kpiNames)),
    failingAfter: z.array(z.enum(kpiNames)),
  }) satisfies z.ZodType<WhatIfSchool>),
}) satisfies z.ZodType<WhatIfAnswer>;
