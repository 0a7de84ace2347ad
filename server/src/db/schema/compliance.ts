import { sql } from 'drizzle-orm';
import { pgTable, integer, text, date, boolean, doublePrecision, timestamp, primaryKey, index, jsonb } from 'drizzle-orm/pg-core';
import { agreements } from './agreements.js';
import { schools } from './schools.js';
import { tierPolicies } from './tier-policies.js';

/** A KPI value as computed, never rounded: verdicts and projections compare it exactly; screens round it. */
const value = () => doublePrecision();

/**
 * The KPIs of one agreement year, kept up to date in the same transaction as every fact write (and
 * recomputed when a tier policy changes or a day begins), so that the compliance list for thousands
 * of schools is a plain indexed read. A test compares it against a full recomputation.
 */
export const complianceSummaries = pgTable('compliance_summaries', {
  /** The API's id of a compliance row: `<agreementId>-<year>`. */
  id: text().notNull().generatedAlwaysAs(sql`agreement_id::text || '-' || year::text`),
  agreementId: integer().notNull().references(() => agreements.id, { onDelete: 'cascade' }),
  year: integer().notNull(),
  schoolId: integer().notNull().references(() => schools.id),
  regionId: integer().notNull(),
  tier: text().notNull(),
  fromDate: date({ mode: 'string' }).notNull(),
  toDate: date({ mode: 'string' }).notNull(),
  asOf: date({ mode: 'string' }).notNull(),
  isCurrent: boolean().notNull(),
  policyId: integer().references(() => tierPolicies.id),
  certifiedInstructors: value(),
  teachingDelivery: value(),
  offlineCourses: value(),
  practiceHours: value(),
  certificates1x: value(),
  certificatesOperator: value(),
  jobPlatformRate: value(),
  jobFairs: value(),
  /** Raw counts behind the ratios, for drill-downs and projections. */
  enrolledStudents: integer().notNull().default(0),
  graduates: integer().notNull().default(0),
  certifiedStudents: integer().notNull().default(0),
  /**
   * The certificate KPIs' counts of verified certificates only (issue 18): shown beside the counts of every certificate,
   * verified or claimed; the KPI itself is the verified count where the year's tier policy counts only verified.
   */
  certificates1xVerified: integer().notNull().default(0),
  certificatesOperatorVerified: integer().notNull().default(0),
  /**
   * The counts behind the KPIs whose counting rules a policy sets, as distributions, so that the
   * what-if of a counting rule is a read of them rather than of the facts (compliance/what-if.ts,
   * issue 15 item 3); only for a current year (null otherwise), measured on its as-of day with the
   * summary, and compared with a full recomputation in what-if.test.ts.
   * - the certified students with a job-platform registration by the as-of day, by the registration's
   *   resume completeness and the applications they sent in the year: [[resume, applications, students], …];
   * - the school's offline courses taught in the year, by class hours: [[classHours, courses], …].
   */
  activeHistogram: jsonb(),
  offlineHoursHistogram: jsonb(),
  /** { kpi: { threshold, met } } decided by domain/kpi from the policy in force. */
  verdicts: jsonb().notNull(),
  compliant: boolean().notNull(),
  failingKpis: text().array().notNull(),
  computedFor: date({ mode: 'string' }).notNull(),
  /**
   * The row as the API's `compliance` record (but the school's name), built with it by
   * compliance-record.ts, so that a list is sent as the database writes it.
   */
  record: jsonb().notNull(),
  computedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.agreementId, t.year] }),
  index('compliance_school_idx').on(t.schoolId),
  index('compliance_id_idx').on(t.id),
  index('compliance_current_idx').on(t.isCurrent, t.regionId, t.tier),
  index('compliance_failing_idx').using('gin', t.failingKpis),
  // The dashboard's one pass over the current years (dashboard-stats.ts): every column it reads of
  // them, so that an index-only scan answers it without the rows' ~1 kB record (issue 15 item 3).
  index('compliance_dashboard_idx').on(t.regionId, t.tier, t.schoolId, t.compliant, t.agreementId, t.year, t.failingKpis).where(sql`${t.isCurrent}`),
  // The tier policy what-if (compliance/what-if.ts): the current years of one policy with their KPI
  // values, read by an index-only scan without the rows' record (issue 15 item 3, issue 17 item 5).
  index('compliance_what_if_idx').on(t.policyId, t.schoolId, t.agreementId, t.year, t.tier, t.certifiedInstructors, t.teachingDelivery,
    t.offlineCourses, t.practiceHours, t.certificates1x, t.certificatesOperator, t.jobPlatformRate, t.jobFairs).where(sql`${t.isCurrent}`),
]);

/** The days on which the day-dependent part of the summaries (current years, as-of dates) was refreshed. */
export const complianceRefreshes = pgTable('compliance_refreshes', {
  day: date({ mode: 'string' }).primaryKey(),
  refreshedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  schools: integer().notNull(),
  ms: integer().notNull(),
});
