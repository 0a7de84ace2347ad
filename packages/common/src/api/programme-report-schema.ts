// The programme report's JSON as a zod schema (GET /api/reports/programme?format=json), typed by its record type.
import { z } from 'zod';
import { kpiNames, type KpiName } from '../kpi/kpi-names.js';
import { tiers } from '../vocabulary.js';
import type { ProgrammeReport } from './programme-report.js';

const day = z.iso.date();
const count = z.number().int().min(0);
const share = z.number().min(0).max(1).nullable();
const byRegionTier = { regionId: z.number().int(), tier: z.enum([...tiers, 'none']) };

export const programmeReportSchema = z.object({
  year: z.number().int(),
  from: day,
  to: day,
  asOf: day,
  regions: z.array(z.object({ id: z.number().int(), code: z.string(), nameZh: z.string(), nameEn: z.string() })),
  agreements: z.array(z.object({ ...byRegionTier, status: z.string(), agreements: count, schools: count })),
  compliance: z.array(z.object({
    ...byRegionTier, rows: count, compliant: count, rate: share,
    failing: z.object(Object.fromEntries(kpiNames.map((k) => [k, count])) as Record<KpiName, typeof count>),
  })),
  certificates: z.array(z.object({ ...byRegionTier, verified1x: count, claimed1x: count, verifiedOperator: count, claimedOperator: count })),
  sessions: z.array(z.object({
    id: z.number().int(), title: z.string(), kind: z.string(), sessionType: z.string(), examOn: day, status: z.string(),
    candidates: count, sat: count, passed: count, absent: count, passRate: share,
  })),
  candidates: z.array(z.object({ ...byRegionTier, candidates: count, sat: count, passed: count, absent: count, passRate: share })),
  jobPlatform: z.array(z.object({ ...byRegionTier, certifiedStudents: count, activeRegistered: count, rate: share })),
  decisions: z.array(z.object({
    ...byRegionTier, rectificationsOpened: count, rectificationsClosed: count, renewals: count, upgrades: count, terminations: count, nonRenewals: count,
  })),
}) satisfies z.ZodType<ProgrammeReport>;
