import { eq } from 'drizzle-orm';
import type { Actor, Role } from '@campus/common';
import type { Executor } from '../../db/client.js';
import { schools } from '../../db/schema/index.js';
import { forbidden, invalid } from '../../lib/errors.js';

/**
 * Who may manage which account (the one place this is decided; reads are scoped by userSpec.scope the
 * same way): HQ every account; regional staff the school accounts of schools in their regions only.
 * `account` is the account as it is (for an edit) or as it will be (for a creation or a new school).
 */
export async function assertMayManageAccount(db: Executor, actor: Actor, account: { role: Role | string; schoolId: number | null | undefined }) {
  if (actor.role === 'hq') return;
  if (actor.role !== 'regional') throw forbidden();
  if (account.role !== 'school') throw forbidden('regional_school_accounts_only');
  if (!account.schoolId) throw invalid([{ field: 'schoolId', code: 'school_required' }]);
  const [school] = await db.select({ regionId: schools.regionId }).from(schools).where(eq(schools.id, account.schoolId));
  if (!school || !actor.regionIds.includes(school.regionId)) {
    throw invalid([{ field: 'schoolId', code: 'school_outside_your_regions' }]);
  }
}
