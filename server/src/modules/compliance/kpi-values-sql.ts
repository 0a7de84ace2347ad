import { sql, type SQL } from 'drizzle-orm';
import { liveAgreementStates, startedAgreementStates, tierPolicyDefaults } from '@campus/common';
import type { Executor } from '../../db/client.js';
import { queryRows } from '../../db/raw.js';
import { sqlList } from '../../db/schema/index.js';
import { policyInForceId } from '../tier-policies/policy-in-force.js';

/** One agreement year with its KPI values computed from the facts, and the policy in force for it. */
export interface KpiValueRow {
  agreementId: number;
  year: number;
  schoolId: number;
  regionId: number;
  tier: string;
  fromDate: string;
  toDate: string;
  asOf: string;
  /** The day the values are measured on: the as-of day, or (monthly) the end of a month up to it. */
  point: string;
  isCurrent: boolean;
  policyId: number | null;
  certifiedInstructors: number;
  offlineCourses: number;
  enrolledStudents: number;
  practiceHoursSum: number;
  graduates: number;
  graduatesCompleted: number;
  certificates1x: number;
  certificatesOperator: number;
  /** The certificate KPIs' counts of verified certificates only (issue 18), whatever the policy counts. */
  certificates1xVerified: number;
  certificatesOperatorVerified: number;
  certifiedStudents: number;
  activeCertified: number;
  jobFairs: number;
  /**
   * A current year's distributions behind the counting rules (null for other years and the trend):
   * its certified students with a job-platform registration by the point, as [resume completeness,
   * applications in the year, students]; its offline courses taught in the year, as [class hours, courses].
   */
  activeHistogram?: [number, number, number][] | null;
  offlineHoursHistogram?: [number, number][] | null;
}

export interface KpiQueryOptions {
  today: string;
  /** Only these schools (the ones a fact write touched); all when omitted. */
  schoolIds?: number[];
  /** A policy table to use instead of tier_policies (the what-if view): a SQL subquery with its columns. */
  policies?: SQL;
  /** One agreement year measured at the end of each month up to its as-of day (its trend), not only on that day. */
  monthly?: { agreementId: number; year: number };
  /** Only these agreement years: a SQL subquery of (agreement_id, year) rows (the what-if: the current years of one policy). */
  agreementYears?: SQL;
}

const states = (list: readonly string[]) => sql.raw(sqlList(list));

/**
 * Every KPI of every agreement year of every (or the given) schools, in one statement: the agreement
 * years are generated from each agreement's start date (PostgreSQL's date + interval keeps 28 February
 * for a year that would begin on 29 February), then each KPI is one grouped join on the school's
 * facts, and the policy in force is the latest one whose effective year is not after the year's start.
 *
 * This is the one definition of each KPI. A year is measured "as of" a day (`point`): its as-of day
 * for the summaries (the year's last counted day, or today in the current year), or the end of each
 * month up to it for the trend, whose last point is therefore the summary. What happens on a day
 * (a certificate issued, hours practised, an application sent, a registration, a fair held, a course
 * begun, a student graduated) counts from the year's start up to the point; the instructors are those
 * certified on the point; the students enrolled in the year are the year's own (up to its end, or the
 * day the agreement ended).
 */
export function kpiValuesQuery(opts: KpiQueryOptions): SQL {
  const today = sql`${opts.today}::date`;
  const schoolFilter = opts.schoolIds ? sql`AND a.school_id IN (${sql.join(opts.schoolIds.length ? opts.schoolIds.map((id) => sql`${id}`) : [sql`NULL`], sql`, `)})` : sql``;
  const policies = opts.policies ?? sql`SELECT * FROM tier_policies`;
  const oneYear = opts.monthly ? sql`AND a.id = ${opts.monthly.agreementId} AND n.year = ${opts.monthly.year}` : sql``;
  const someYears = opts.agreementYears ? sql`AND (a.id, n.year) IN (${opts.agreementYears})` : sql``;
  // The days each year is measured on: its as-of day, or the end of each month up to it.
  // The distributions are kept with the summaries (one point a year), not with a trend's months.
  const histograms = opts.monthly ? sql`false` : sql`true`;
  const points = opts.monthly
    ? sql`SELECT ay.*, LEAST((m + interval '1 month - 1 day')::date, ay.as_of) AS point
          FROM ay CROSS JOIN LATERAL generate_series(date_trunc('month', ay.from_date::timestamp), date_trunc('month', ay.as_of::timestamp), interval '1 month') AS m`
    : sql`SELECT ay.*, ay.as_of AS point FROM ay`;
  return sql`
WITH pol AS (${policies}),
ay0 AS (
  SELECT a.id AS agreement_id, a.school_id, s.region_id, a.tier, a.status, a.ended_on, a.term_years, n.year,
         (a.start_date + make_interval(years => n.year - 1))::date AS from_date,
         (a.start_date + make_interval(years => n.year))::date AS to_date
  FROM agreements a
  JOIN schools s ON s.id = a.school_id
  -- A constant series (10 is the CHECK's longest term) keeps the planner's estimate small: a
  -- generate_series over a column is guessed at 1,000 rows, and PostgreSQL then spends ~1 s in JIT.
  CROSS JOIN generate_series(1, 10) AS n(year)
  WHERE a.start_date IS NOT NULL AND n.year <= a.term_years
    AND a.status IN (${states(startedAgreementStates)})
    ${schoolFilter} ${oneYear} ${someYears}
),
ay1 AS (
  -- Facts count before until_date: the year's end, or the day after the agreement ended within the
  -- year (its last, partial year is measured up to the day it ended, and then no longer changes).
  SELECT ay0.*, CASE WHEN ay0.ended_on < ay0.to_date THEN ay0.ended_on + 1 ELSE ay0.to_date END AS until_date
  FROM ay0
),
ay AS (
  SELECT ay0.*, LEAST(ay0.until_date - 1, ${today}) AS as_of,
         -- The current year of a live agreement; past its term, its last year stays current (awaiting
         -- the final review) until the final review is decided.
         (ay0.status IN (${states(liveAgreementStates)}) AND ay0.from_date <= ${today} AND (${today} < ay0.to_date OR (
           ay0.year = ay0.term_years AND NOT EXISTS (
             SELECT 1 FROM evaluations e WHERE e.agreement_id = ay0.agreement_id AND e.year = ay0.year AND e.status = 'decided')))) AS is_current,
         p.id AS policy_id, coalesce(p.offline_course_min_hours, ${tierPolicyDefaults.offlineCourseMinHours}) AS min_hours,
         coalesce(p.active_resume_completeness, ${tierPolicyDefaults.activeResumeCompleteness}) AS min_resume,
         coalesce(p.active_min_applications, ${tierPolicyDefaults.activeMinApplications}) AS min_applications,
         coalesce(p.certificates_verified_only, false) AS verified_only
  FROM ay1 AS ay0
  LEFT JOIN LATERAL (
    SELECT pol.* FROM pol WHERE pol.id = ${policyInForceId(sql`ay0.tier`, sql`extract(year FROM ay0.from_date)`, sql`pol`)}
  ) p ON true
  WHERE ay0.from_date <= ${today} AND (ay0.ended_on IS NULL OR ay0.from_date < ay0.ended_on)
),
pt AS (${points}),
instr AS (
  SELECT pt.agreement_id, pt.year, pt.point, count(DISTINCT c.instructor_id) AS n
  FROM pt JOIN instructor_certifications c ON c.school_id = pt.school_id AND c.valid_from <= pt.point AND c.valid_to >= pt.point
  GROUP BY 1, 2, 3
),
offline_hours AS (
  SELECT pt.agreement_id, pt.year, pt.point, c.class_hours, count(*) AS n
  FROM pt JOIN courses c ON c.school_id = pt.school_id AND c.kind = 'offline'
    AND c.taught_from <= pt.point AND coalesce(c.taught_to, c.taught_from) >= pt.from_date
  GROUP BY 1, 2, 3, 4
),
offline AS (
  -- The courses of at least the policy's class hours; and, for a current year, all of them by class
  -- hours (the what-if of another minimum reads that).
  SELECT oh.agreement_id, oh.year, oh.point, sum(oh.n) FILTER (WHERE oh.class_hours >= pt.min_hours) AS n,
         jsonb_agg(jsonb_build_array(oh.class_hours, oh.n) ORDER BY oh.class_hours) FILTER (WHERE pt.is_current AND ${histograms}) AS hist
  FROM offline_hours oh JOIN pt ON pt.agreement_id = oh.agreement_id AND pt.year = oh.year AND pt.point = oh.point
  GROUP BY 1, 2, 3
),
enrolled AS (
  SELECT ay.agreement_id, ay.year, count(*) AS n
  FROM ay JOIN students s ON s.school_id = ay.school_id AND s.enrolled_on < ay.until_date AND (s.left_on IS NULL OR s.left_on >= ay.from_date)
  GROUP BY 1, 2
),
practice AS (
  SELECT pt.agreement_id, pt.year, pt.point, sum(p.hours) AS hours
  FROM pt
  JOIN practice_records p ON p.school_id = pt.school_id AND p.confirmed AND p.practiced_on >= pt.from_date AND p.practiced_on <= pt.point
  JOIN students s ON s.id = p.student_id AND s.enrolled_on < pt.until_date AND (s.left_on IS NULL OR s.left_on >= pt.from_date)
  GROUP BY 1, 2, 3
),
grads AS (
  SELECT pt.agreement_id, pt.year, pt.point, count(*) AS n,
         count(*) FILTER (WHERE
           NOT EXISTS (
             SELECT 1 FROM school_required_courses rc
             WHERE rc.school_id = s.school_id AND rc.required
               AND NOT EXISTS (SELECT 1 FROM course_completions cc WHERE cc.student_id = s.id AND cc.course_id = rc.course_id))
           AND EXISTS (
             SELECT 1 FROM course_completions cc JOIN courses c ON c.id = cc.course_id
             WHERE cc.student_id = s.id AND c.kind = 'platform_training')
         ) AS completed
  FROM pt JOIN students s ON s.school_id = pt.school_id AND s.left_reason = 'graduated' AND s.left_on >= pt.from_date AND s.left_on <= pt.point
  GROUP BY 1, 2, 3
),
certified AS (
  -- A certificate counts whether a school claimed it or it is verified (issued by an exam session, or
  -- confirmed by HQ), unless the policy in force counts only verified ones (certificates_verified_only):
  -- then a student is certified, for the certificate KPIs and for the job-platform rate, by a verified
  -- certificate only. The verified counts are kept beside in either case (issue 18).
  SELECT pt.agreement_id, pt.year, pt.point, c.student_id,
         bool_or(c.kind IN ('1x_junior', '1x_intermediate', '1x_senior') AND (NOT pt.verified_only OR c.status = 'verified')) AS has_1x,
         bool_or(c.kind = 'operator' AND (NOT pt.verified_only OR c.status = 'verified')) AS has_operator,
         bool_or(c.kind IN ('1x_junior', '1x_intermediate', '1x_senior') AND c.status = 'verified') AS has_1x_verified,
         bool_or(c.kind = 'operator' AND c.status = 'verified') AS has_operator_verified,
         bool_or(NOT pt.verified_only OR c.status = 'verified') AS counted
  FROM pt JOIN certificates c ON c.school_id = pt.school_id AND c.issued_on >= pt.from_date AND c.issued_on <= pt.point
    AND c.kind IN ('1x_junior', '1x_intermediate', '1x_senior', 'operator')
  GROUP BY 1, 2, 3, 4
),
activity AS (
  -- Each certified student's registration on the platform by the point (one a student: a unique key)
  -- and, if registered, the applications sent in the year up to it. Active: a resume of the policy's
  -- completeness and its number of applications.
  SELECT ce.agreement_id, ce.year, ce.point, ce.has_1x, ce.has_operator, ce.has_1x_verified, ce.has_operator_verified, ce.counted,
         r.resume_completeness AS resume,
         CASE WHEN r.id IS NOT NULL THEN (SELECT count(*) FROM job_applications ja
              WHERE ja.student_id = ce.student_id AND ja.applied_on >= pt.from_date AND ja.applied_on <= pt.point) END AS applications,
         pt.min_resume, pt.min_applications, pt.is_current
  FROM certified ce JOIN pt ON pt.agreement_id = ce.agreement_id AND pt.year = ce.year AND pt.point = ce.point
  LEFT JOIN job_registrations r ON r.student_id = ce.student_id AND r.registered_on <= pt.point
),
certs AS (
  SELECT a.agreement_id, a.year, a.point,
         count(*) FILTER (WHERE a.has_1x) AS n1x,
         count(*) FILTER (WHERE a.has_operator) AS nop,
         count(*) FILTER (WHERE a.has_1x_verified) AS n1x_verified,
         count(*) FILTER (WHERE a.has_operator_verified) AS nop_verified,
         count(*) FILTER (WHERE a.counted) AS certified,
         count(*) FILTER (WHERE a.counted AND a.resume >= a.min_resume AND a.applications >= a.min_applications) AS active
  FROM activity a
  GROUP BY 1, 2, 3
),
activity_hist AS (
  -- A current year's registered certified students by (resume completeness, applications): the
  -- what-if of other minimums counts them from it.
  SELECT h.agreement_id, h.year, h.point, jsonb_agg(jsonb_build_array(h.resume, h.applications, h.n) ORDER BY h.resume, h.applications) AS hist
  FROM (SELECT a.agreement_id, a.year, a.point, a.resume, a.applications, count(*) AS n
        FROM activity a WHERE a.counted AND a.resume IS NOT NULL AND a.is_current AND ${histograms}
        GROUP BY 1, 2, 3, 4, 5) h
  GROUP BY 1, 2, 3
),
fairs AS (
  SELECT pt.agreement_id, pt.year, pt.point, count(*) AS n
  FROM pt JOIN job_fairs f ON f.school_id = pt.school_id AND f.held_on >= pt.from_date AND f.held_on <= pt.point
  GROUP BY 1, 2, 3
)
SELECT pt.agreement_id AS "agreementId", pt.year, pt.school_id AS "schoolId", pt.region_id AS "regionId", pt.tier,
       to_char(pt.from_date, 'YYYY-MM-DD') AS "fromDate", to_char(pt.to_date, 'YYYY-MM-DD') AS "toDate",
       to_char(pt.as_of, 'YYYY-MM-DD') AS "asOf", to_char(pt.point, 'YYYY-MM-DD') AS "point",
       pt.is_current AS "isCurrent", pt.policy_id AS "policyId",
       coalesce(instr.n, 0)::int AS "certifiedInstructors",
       coalesce(offline.n, 0)::int AS "offlineCourses",
       coalesce(enrolled.n, 0)::int AS "enrolledStudents",
       coalesce(practice.hours, 0)::float8 AS "practiceHoursSum",
       coalesce(grads.n, 0)::int AS "graduates",
       coalesce(grads.completed, 0)::int AS "graduatesCompleted",
       coalesce(certs.n1x, 0)::int AS "certificates1x",
       coalesce(certs.nop, 0)::int AS "certificatesOperator",
       coalesce(certs.n1x_verified, 0)::int AS "certificates1xVerified",
       coalesce(certs.nop_verified, 0)::int AS "certificatesOperatorVerified",
       coalesce(certs.certified, 0)::int AS "certifiedStudents",
       coalesce(certs.active, 0)::int AS "activeCertified",
       coalesce(fairs.n, 0)::int AS "jobFairs",
       CASE WHEN pt.is_current AND ${histograms} THEN coalesce(activity_hist.hist, '[]'::jsonb) END AS "activeHistogram",
       CASE WHEN pt.is_current AND ${histograms} THEN coalesce(offline.hist, '[]'::jsonb) END AS "offlineHoursHistogram"
FROM pt
LEFT JOIN instr USING (agreement_id, year, point)
LEFT JOIN offline USING (agreement_id, year, point)
LEFT JOIN enrolled USING (agreement_id, year)
LEFT JOIN practice USING (agreement_id, year, point)
LEFT JOIN grads USING (agreement_id, year, point)
LEFT JOIN certs USING (agreement_id, year, point)
LEFT JOIN activity_hist USING (agreement_id, year, point)
LEFT JOIN fairs USING (agreement_id, year, point)
ORDER BY pt.agreement_id, pt.year, pt.point`;
}

export async function computeKpiValues(db: Executor, opts: KpiQueryOptions): Promise<KpiValueRow[]> {
  return queryRows<KpiValueRow>(db, kpiValuesQuery(opts));
}
