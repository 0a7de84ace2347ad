import { and, desc, eq, lte } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { tierPolicies } from '../../db/schema/index.js';
import type { Tier } from '@campus/common';
import { AppError, ErrorCode } from '../../lib/errors.js';

/** The policy of a tier in force in a calendar year: the latest effective year not after it. */
export async function policyInForce(db: Executor, tier: Tier, year: number) {
  const [policy] = await db.select().from(tierPolicies)
    .where(and(eq(tierPolicies.tier, tier), lte(tierPolicies.effectiveYear, year)))
    .orderBy(desc(tierPolicies.effectiveYear)).limit(1);
  if (!policy) throw new AppError(409, ErrorCode.conflict, `No tier policy for ${tier} is in force in ${year}; HQ must set one first.`);
  return policy;
}
