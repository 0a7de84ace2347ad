import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { queryRows } from '../../db/raw.js';

export interface TrendPoint {
  month: string;
  certificates1x: number;
  certificatesOperator: number;
  practiceHours: number | null;
  jobFairs: number;
  offlineCourses: number;
}

/**
 * The flow KPIs of one agreement year month by month, cumulative to each month's end (or the as-of
 * day in the last month): what the school has achieved so far, for its trend chart.
 */
export async function complianceTrend(db: Executor, row: { schoolId: number; fromDate: string; toDate: string; asOf: string; tier: string }) {
  return queryRows<TrendPoint>(db, sql`
WITH months AS (
  SELECT to_char(m, 'YYYY-MM') AS month,
         LEAST((date_trunc('month', m) + interval '1 month')::date, ${row.asOf}::date + 1) AS until
  FROM generate_series(date_trunc('month', ${row.fromDate}::date), date_trunc('month', ${row.asOf}::date), interval '1 month') AS m
),
enrolled AS (
  SELECT count(*)::int AS n FROM students s
  WHERE s.school_id = ${row.schoolId} AND s.enrolled_on < ${row.toDate}::date AND (s.left_on IS NULL OR s.left_on >= ${row.fromDate}::date)
)
SELECT months.month,
  (SELECT count(DISTINCT c.student_id)::int FROM certificates c WHERE c.school_id = ${row.schoolId} AND c.kind IN ('1x_junior', '1x_intermediate', '1x_senior') AND c.issued_on >= ${row.fromDate}::date AND c.issued_on < months.until) AS "certificates1x",
  (SELECT count(DISTINCT c.student_id)::int FROM certificates c WHERE c.school_id = ${row.schoolId} AND c.kind = 'operator' AND c.issued_on >= ${row.fromDate}::date AND c.issued_on < months.until) AS "certificatesOperator",
  (SELECT CASE WHEN enrolled.n = 0 THEN NULL ELSE round(coalesce(sum(p.hours), 0) / enrolled.n, 2)::float8 END
     FROM practice_records p JOIN students s ON s.id = p.student_id
     WHERE p.school_id = ${row.schoolId} AND p.confirmed AND p.practiced_on >= ${row.fromDate}::date AND p.practiced_on < months.until
       AND s.enrolled_on < ${row.toDate}::date AND (s.left_on IS NULL OR s.left_on >= ${row.fromDate}::date)) AS "practiceHours",
  (SELECT count(*)::int FROM job_fairs f WHERE f.school_id = ${row.schoolId} AND f.held_on >= ${row.fromDate}::date AND f.held_on < months.until) AS "jobFairs",
  (SELECT count(*)::int FROM courses c WHERE c.school_id = ${row.schoolId} AND c.kind = 'offline' AND c.taught_from < months.until
     AND coalesce(c.taught_to, c.taught_from) >= ${row.fromDate}::date
     AND c.class_hours >= coalesce((SELECT p.offline_course_min_hours FROM tier_policies p WHERE p.tier = ${row.tier} AND p.effective_year <= extract(year FROM ${row.fromDate}::date) ORDER BY p.effective_year DESC LIMIT 1), 32)) AS "offlineCourses"
FROM months, enrolled
ORDER BY months.month`);
}
