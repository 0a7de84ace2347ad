import { eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { tierPolicies } from '../../db/schema/index.js';
import { queryRows } from '../../db/raw.js';
import { notFound } from '../../lib/errors.js';
import { schoolScopeCondition } from '../access/scope-filter.js';
import { kpiValuesQuery, type KpiValueRow } from './kpi-values-sql.js';
import { thresholdsOf, valuesOf } from './summary-rows.js';
import {
  evaluateKpis, kpiNames,
  type KpiName, type KpiValues, type Scope, type Tier,
  type WhatIfAnswer, type WhatIfRegionTally, type WhatIfSchool, type WhatIfTally, type WhatIfTierTally,
} from '@campus/common';

type Policy = typeof tierPolicies.$inferSelect;

const snake = (k: string) => k.replace(/[A-Z]/g, (m) => `_${m.toLowerCase()}`);

/**
 * The policy's settings that change what a KPI counts rather than its threshold (DOMAIN.md): an
 * offline course counts from so many class hours, a certified student is "active" on the job
 * platform from such a resume and so many applications. An edit of one of these counts the KPI again
 * from the distributions each current year's summary keeps (its offline courses by class hours, its
 * registered certified students by resume completeness and applications: kpi-values-sql.ts), a read
 * of a few rows a year instead of the year's facts; an edit of thresholds only reads neither. Counting
 * only verified certificates (issue 18) changes who is certified: the certificate KPIs and the
 * job-platform rate are then counted again from the facts (the summaries keep no distribution of it).
 */
const countingRules: Partial<Record<keyof Policy, KpiName[]>> = {
  offlineCourseMinHours: ['offlineCourses'],
  activeResumeCompleteness: ['jobPlatformRate'],
  activeMinApplications: ['jobPlatformRate'],
  certificatesVerifiedOnly: ['certificates1x', 'certificatesOperator', 'jobPlatformRate'],
};

/** KPIs no distribution a summary keeps can count again: an edit that changes them is counted from the facts. */
const countedFromFactsOnly: readonly KpiName[] = ['certificates1x', 'certificatesOperator'];

interface TargetRow extends Record<KpiName, number | null> {
  agreementId: number;
  year: number;
  schoolId: number;
  schoolName: string;
  regionId: number;
  regionZh: string;
  regionEn: string;
  tier: Tier;
  /** The recomputed counts, when an edit changes what counts. */
  kvOfflineCourses: number | null;
  kvCertifiedStudents: number | null;
  kvActiveCertified: number | null;
  kvCertificates1x: number | null;
  kvCertificatesOperator: number | null;
}

const emptyTally = (): WhatIfTally => ({ before: { pass: 0, fail: 0 }, after: { pass: 0, fail: 0 }, passToFail: 0, failToPass: 0 });

function count(t: WhatIfTally, s: WhatIfSchool) {
  t.before[s.before ? 'pass' : 'fail']++;
  t.after[s.after ? 'pass' : 'fail']++;
  if (s.flip === 'pass_to_fail') t.passToFail++;
  if (s.flip === 'fail_to_pass') t.failToPass++;
}

const flipOrder = { pass_to_fail: 0, fail_to_pass: 1 } as const;

/**
 * Which schools would pass or fail their current agreement year if a policy were edited, before
 * saving, and nothing is written. One statement reads the current years under the policy in scope
 * from the compliance summaries' value columns (never their `record` blobs) with the school and
 * region names; when the edit changes what a KPI counts, the same statement counts it again from the
 * distributions the year's summary keeps (kpi-values-sql.ts), under the edited rules. Each year is then judged
 * by the one verdict rule (evaluateKpis) under the stored and under the edited thresholds.
 */
export async function whatIf(db: Db, scope: Scope, policyId: number, changes: Record<string, unknown>, today: string): Promise<WhatIfAnswer> {
  const [policy] = await db.select().from(tierPolicies).where(eq(tierPolicies.id, policyId));
  if (!policy) throw notFound('tier policy');
  const defined = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
  const edited = { ...policy, ...defined } as Policy;
  const recomputed = [...new Set(Object.entries(countingRules)
    .filter(([k]) => edited[k as keyof Policy] !== policy[k as keyof Policy])
    .flatMap(([, kpis]) => kpis!))];
  return judge(db, scope, policy, edited, recomputed, today);
}

/**
 * Where the KPIs an edit of a counting rule changes are counted again: the summaries' distributions
 * (what the what-if reads), or the facts, by the one KPI query with the edited policy (the full
 * recomputation the distributions are tested against, and the way for summaries written before
 * they were kept).
 */
export type CountedFrom = 'distributions' | 'facts';

/**
 * The what-if's one statement: the current years under the policy in scope, their values, school and
 * region; `recomputed` names the KPIs measured again with the edited policy, from `from`.
 */
export function whatIfStatement(scope: Scope, policy: Policy, edited: Policy, recomputed: KpiName[], today: string, from: CountedFrom = 'distributions'): SQL {
  const scoped = schoolScopeCondition(scope, sql`cs.school_id`);
  const distributions = recomputed.length > 0 && from === 'distributions' && !recomputed.some((k) => countedFromFactsOnly.includes(k));
  const target = sql`
    SELECT cs.agreement_id, cs.year, cs.school_id, cs.tier,
           ${sql.join(kpiNames.map((k) => sql.raw(`cs.${snake(k)}`)), sql`, `)}
           ${distributions ? sql`, cs.certified_students, cs.active_histogram, cs.offline_hours_histogram` : sql``}
    FROM compliance_summaries cs
    WHERE cs.is_current AND cs.policy_id = ${policy.id} ${scoped ? sql`AND ${scoped}` : sql``}`;
  let kv = sql``;
  const noCertificates = sql`, NULL::int AS "kvCertificates1x", NULL::int AS "kvCertificatesOperator"`;
  let kvColumns = sql`NULL::int AS "kvOfflineCourses", NULL::int AS "kvCertifiedStudents", NULL::int AS "kvActiveCertified"${noCertificates}`;
  if (distributions) {
    // The year's counts under the edited rules, summed from its distributions in the same pass (null
    // when the summary has none: judge() then counts from the facts).
    const offline = sql`CASE WHEN t.offline_hours_histogram IS NOT NULL THEN (
      SELECT coalesce(sum((e->>1)::int), 0) FROM jsonb_array_elements(t.offline_hours_histogram) e
      WHERE (e->>0)::int >= ${edited.offlineCourseMinHours}::int) END`;
    const active = sql`CASE WHEN t.active_histogram IS NOT NULL THEN (
      SELECT coalesce(sum((e->>2)::int), 0) FROM jsonb_array_elements(t.active_histogram) e
      WHERE (e->>0)::numeric >= ${edited.activeResumeCompleteness}::numeric AND (e->>1)::int >= ${edited.activeMinApplications}::int) END`;
    kvColumns = sql.join([
      recomputed.includes('offlineCourses') ? offline : sql`NULL::int`, sql` AS "kvOfflineCourses", `,
      recomputed.includes('jobPlatformRate') ? sql`t.certified_students` : sql`NULL::int`, sql` AS "kvCertifiedStudents", `,
      recomputed.includes('jobPlatformRate') ? active : sql`NULL::int`, sql` AS "kvActiveCertified"`, noCertificates,
    ]);
  } else if (recomputed.length) {
    const asRow = Object.fromEntries(Object.entries(edited).map(([k, v]) => [snake(k), v instanceof Date ? v.toISOString() : v]));
    const policies = sql`SELECT * FROM tier_policies WHERE id <> ${policy.id} UNION ALL SELECT * FROM jsonb_populate_record(NULL::tier_policies, ${JSON.stringify(asRow)}::jsonb)`;
    kv = sql`, kv AS (${kpiValuesQuery({ today, policies, agreementYears: sql`SELECT agreement_id, year FROM target` })})`;
    // Only the counts the edit changes are read from kv: PostgreSQL then leaves out the other KPIs'
    // joins (unused outputs of a subquery, and left joins to grouped subqueries nobody reads).
    kvColumns = sql.join([
      recomputed.includes('offlineCourses') ? sql`kv."offlineCourses"` : sql`NULL::int`, sql` AS "kvOfflineCourses", `,
      recomputed.includes('jobPlatformRate') ? sql`kv."certifiedStudents"` : sql`NULL::int`, sql` AS "kvCertifiedStudents", `,
      recomputed.includes('jobPlatformRate') ? sql`kv."activeCertified"` : sql`NULL::int`, sql` AS "kvActiveCertified", `,
      recomputed.includes('certificates1x') ? sql`kv."certificates1x"` : sql`NULL::int`, sql` AS "kvCertificates1x", `,
      recomputed.includes('certificatesOperator') ? sql`kv."certificatesOperator"` : sql`NULL::int`, sql` AS "kvCertificatesOperator"`,
    ]);
  }
  return sql`
WITH target AS (${target}) ${kv}
SELECT t.agreement_id AS "agreementId", t.year, t.school_id AS "schoolId", s.name AS "schoolName",
       s.region_id AS "regionId", r.name_zh AS "regionZh", r.name_en AS "regionEn", t.tier,
       ${sql.join(kpiNames.map((k) => sql.raw(`t.${snake(k)} AS "${k}"`)), sql`, `)},
       ${kvColumns}
FROM target t
JOIN schools s ON s.id = t.school_id
JOIN regions r ON r.id = s.region_id
${recomputed.length && !distributions ? sql`LEFT JOIN kv ON kv."agreementId" = t.agreement_id AND kv.year = t.year` : sql``}
ORDER BY r.id, s.name, t.school_id`;
}

/**
 * The what-if's statement and verdicts; `recomputed` names the KPIs measured again with the edited
 * policy, from the summaries' distributions unless `from` says the facts. Should a current year's
 * summary have no distributions (written before they were kept, until the day's refresh rewrites it),
 * the statement is run again counting from the facts, as the distributions would have.
 */
export async function judge(db: Db, scope: Scope, policy: Policy, edited: Policy, recomputed: KpiName[], today: string, from: CountedFrom = 'distributions'): Promise<WhatIfAnswer> {
  let rows = await queryRows<TargetRow>(db, whatIfStatement(scope, policy, edited, recomputed, today, from));
  const missing = (r: TargetRow) => (recomputed.includes('offlineCourses') && r.kvOfflineCourses === null)
    || (recomputed.includes('jobPlatformRate') && r.kvActiveCertified === null);
  if (from === 'distributions' && rows.some(missing)) {
    rows = await queryRows<TargetRow>(db, whatIfStatement(scope, policy, edited, recomputed, today, 'facts'));
  }

  const stored = thresholdsOf(policy);
  const proposed = thresholdsOf(edited);
  const byRegion = new Map<number, WhatIfRegionTally>();
  const byTier = new Map<Tier, WhatIfTierTally>();
  const total = emptyTally();
  const schools: WhatIfSchool[] = [];
  for (const row of rows) {
    const values = Object.fromEntries(kpiNames.map((k) => [k, row[k] === null ? null : Number(row[k])])) as KpiValues;
    const now = evaluateKpis(values, stored);
    const measured = recomputed.length ? valuesOf({
      offlineCourses: Number(row.kvOfflineCourses ?? 0),
      certifiedStudents: Number(row.kvCertifiedStudents ?? 0),
      activeCertified: Number(row.kvActiveCertified ?? 0),
      certificates1x: Number(row.kvCertificates1x ?? 0),
      certificatesOperator: Number(row.kvCertificatesOperator ?? 0),
    } as KpiValueRow) : values;
    const next = evaluateKpis({ ...values, ...Object.fromEntries(recomputed.map((k) => [k, measured[k]])) }, proposed);
    const school: WhatIfSchool = {
      schoolId: Number(row.schoolId), schoolName: row.schoolName, regionId: Number(row.regionId), tier: row.tier,
      agreementId: Number(row.agreementId), year: Number(row.year), complianceId: `${row.agreementId}-${row.year}`,
      before: now.compliant, after: next.compliant,
      flip: now.compliant === next.compliant ? null : now.compliant ? 'pass_to_fail' : 'fail_to_pass',
      failingBefore: now.failing, failingAfter: next.failing,
    };
    schools.push(school);
    if (!byRegion.has(school.regionId)) byRegion.set(school.regionId, { regionId: school.regionId, nameZh: row.regionZh, nameEn: row.regionEn, ...emptyTally() });
    if (!byTier.has(school.tier)) byTier.set(school.tier, { tier: school.tier, ...emptyTally() });
    count(byRegion.get(school.regionId)!, school);
    count(byTier.get(school.tier)!, school);
    count(total, school);
  }
  // The flips first; the rest keep the statement's order (region, then name).
  schools.sort((a, b) => (a.flip ? flipOrder[a.flip] : 2) - (b.flip ? flipOrder[b.flip] : 2));
  return {
    policyId: policy.id, tier: policy.tier as Tier, effectiveYear: policy.effectiveYear, recomputedKpis: recomputed,
    byRegion: [...byRegion.values()], byTier: [...byTier.values()], total, schools,
  };
}
