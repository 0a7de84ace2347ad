import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { regions, tierPolicies } from '../../db/schema/index.js';
import { notFound } from '../../lib/errors.js';
import { computeKpiValues } from './kpi-values-sql.js';
import { toSummary } from './summary-rows.js';
import type { Scope } from '@campus/common';

const snake = (k: string) => k.replace(/[A-Z]/g, (m) => `_${m.toLowerCase()}`);

/**
 * How many schools of each region would pass or fail their current agreement year if a policy's
 * thresholds were changed, before saving: the KPI query runs with the edited policy in place of
 * the stored one, and nothing is written.
 */
export async function whatIf(db: Db, scope: Scope, policyId: number, changes: Record<string, unknown>, today: string) {
  const [policy] = await db.select().from(tierPolicies).where(eq(tierPolicies.id, policyId));
  if (!policy) throw notFound('tier policy');
  const edited = { ...policy, ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) };
  const asRow = Object.fromEntries(Object.entries(edited).map(([k, v]) => [snake(k), v instanceof Date ? v.toISOString() : v]));
  const policies = sql`SELECT * FROM tier_policies WHERE id <> ${policyId} UNION ALL SELECT * FROM jsonb_populate_record(NULL::tier_policies, ${JSON.stringify(asRow)}::jsonb)`;
  const [stored, proposed] = await Promise.all([
    computeKpiValues(db, { today }),
    computeKpiValues(db, { today, policies }),
  ]);
  const regionRows = await db.select().from(regions);
  const inScope = (regionId: number) => scope.kind === 'all' || (scope.kind === 'regions' && scope.regionIds.includes(regionId));
  const tally = new Map<number, { regionId: number; nameZh: string; nameEn: string; before: { pass: number; fail: number }; after: { pass: number; fail: number } }>();
  for (const r of regionRows) if (inScope(r.id)) tally.set(r.id, { regionId: r.id, nameZh: r.nameZh, nameEn: r.nameEn, before: { pass: 0, fail: 0 }, after: { pass: 0, fail: 0 } });
  const count = (rows: typeof stored, side: 'before' | 'after', pol: (id: number | null) => typeof policy | undefined) => {
    for (const row of rows) {
      if (!row.isCurrent || row.policyId !== policyId || !tally.has(row.regionId)) continue;
      const s = toSummary(row, pol(row.policyId), today);
      tally.get(row.regionId)![side][s.compliant ? 'pass' : 'fail']++;
    }
  };
  count(stored, 'before', () => policy);
  count(proposed, 'after', () => edited as typeof policy);
  const byRegion = [...tally.values()].filter((r) => r.before.pass + r.before.fail > 0);
  const total = byRegion.reduce((acc, r) => ({
    before: { pass: acc.before.pass + r.before.pass, fail: acc.before.fail + r.before.fail },
    after: { pass: acc.after.pass + r.after.pass, fail: acc.after.fail + r.after.fail },
  }), { before: { pass: 0, fail: 0 }, after: { pass: 0, fail: 0 } });
  return { policyId, tier: policy.tier, effectiveYear: policy.effectiveYear, byRegion, total };
}
