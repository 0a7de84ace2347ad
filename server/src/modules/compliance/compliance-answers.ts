import { z } from 'zod';
import { kpiNames, tiers } from '@campus/common';
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

const passFail = z.object({ pass: z.number().int(), fail: z.number().int() });

/** POST /api/tier-policies/:id/what-if: how many schools of the policy would pass, region by region, before and after the change. */
export const whatIfAnswer = z.object({
  policyId: recordId,
  tier: z.enum(tiers),
  effectiveYear: z.number().int(),
  byRegion: z.array(z.object({ regionId: recordId, nameZh: z.string(), nameEn: z.string(), before: passFail, after: passFail })),
  total: z.object({ before: passFail, after: passFail }),
});
