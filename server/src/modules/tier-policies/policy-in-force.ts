import { eq, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { tierPolicies } from '../../db/schema/index.js';
import type { Tier } from '@campus/common';
import { AppError, ErrorCode } from '../../lib/errors.js';

/**
 * The policy in force (DOMAIN.md): of a tier's policies, the one with the latest effective year not
 * after the calendar year asked about. This is its one definition, a SQL fragment giving that
 * policy's id: the KPI query uses it for each agreement year (with the year the agreement year begins
 * in, over `policies`, the table or the what-if view's edited copy of it), and policyInForce below
 * for a workflow step.
 */
export function policyInForceId(tier: SQL, year: SQL, policies: SQL = sql`tier_policies`): SQL {
  return sql`(SELECT pif.id FROM ${policies} AS pif WHERE pif.tier = ${tier} AND pif.effective_year <= ${year} ORDER BY pif.effective_year DESC LIMIT 1)`;
}

/** The policy of a tier in force in a calendar year; 409 when HQ has set none yet. */
export async function policyInForce(db: Executor, tier: Tier, year: number) {
  const [policy] = await db.select().from(tierPolicies)
    .where(eq(tierPolicies.id, policyInForceId(sql`${tier}`, sql`${year}::int`)));
  if (!policy) throw new AppError(409, ErrorCode.conflict, { code: 'no_policy_in_force', params: { tier, year } });
  return policy;
}
