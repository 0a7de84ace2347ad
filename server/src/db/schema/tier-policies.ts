import { sql } from 'drizzle-orm';
import { pgTable, serial, text, integer, numeric, boolean, timestamp, check, unique } from 'drizzle-orm/pg-core';
import { tiers, sqlList } from './enums.js';
import { tierPolicyDefaults } from '@campus/common/policy-defaults';
import { users } from './users.js';

/**
 * The thresholds of one tier from one year on (DOMAIN.md "Thresholds per tier"). A null threshold
 * means "none" for the tier: the KPI is shown but never fails. The policy in force for an agreement
 * year is the row of the greatest effectiveYear not after the year the agreement year begins in.
 */
export const tierPolicies = pgTable('tier_policies', {
  id: serial().primaryKey(),
  tier: text().notNull(),
  effectiveYear: integer().notNull(),
  certifiedInstructors: integer(),
  teachingDelivery: numeric({ precision: 5, scale: 4, mode: 'number' }),
  offlineCourses: integer(),
  offlineCourseMinHours: integer().notNull().default(tierPolicyDefaults.offlineCourseMinHours),
  practiceHours: numeric({ precision: 8, scale: 2, mode: 'number' }),
  certificates1x: integer(),
  certificatesOperator: integer(),
  jobPlatformRate: numeric({ precision: 5, scale: 4, mode: 'number' }),
  activeResumeCompleteness: numeric({ precision: 5, scale: 2, mode: 'number' }).notNull().default(tierPolicyDefaults.activeResumeCompleteness),
  activeMinApplications: integer().notNull().default(tierPolicyDefaults.activeMinApplications),
  jobFairs: integer(),
  /** Whether the certificate KPIs of the policy's years count only verified certificates (issue 18), not claims too. */
  certificatesVerifiedOnly: boolean().notNull().default(false),
  termYears: integer().notNull(),
  requiresSigning: boolean().notNull(),
  requiresPlaque: boolean().notNull(),
  requiresInspection: boolean().notNull(),
  version: integer().notNull().default(1),
  updatedBy: integer().references(() => users.id),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  unique('tier_policies_tier_year').on(t.tier, t.effectiveYear),
  check('tier_policies_tier', sql.raw(`tier IN (${sqlList(tiers)})`)),
  check('tier_policies_year', sql`${t.effectiveYear} BETWEEN 2000 AND 2100`),
  check('tier_policies_ratios', sql`(${t.teachingDelivery} IS NULL OR ${t.teachingDelivery} BETWEEN 0 AND 1) AND (${t.jobPlatformRate} IS NULL OR ${t.jobPlatformRate} BETWEEN 0 AND 1)`),
  check('tier_policies_non_negative', sql`coalesce(${t.certifiedInstructors},0) >= 0 AND coalesce(${t.offlineCourses},0) >= 0 AND coalesce(${t.practiceHours},0) >= 0 AND coalesce(${t.certificates1x},0) >= 0 AND coalesce(${t.certificatesOperator},0) >= 0 AND coalesce(${t.jobFairs},0) >= 0`),
  check('tier_policies_term', sql`${t.termYears} BETWEEN 1 AND 10`),
  check('tier_policies_plaque_needs_signing', sql`NOT ${t.requiresPlaque} OR ${t.requiresSigning}`),
]);
