import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { schools } from '../../db/schema/index.js';
import type { Actor } from '@campus/common';
import { notFound } from '../../lib/errors.js';
import { assignedSchoolIds } from './assignments.js';
import { lockProvider, saveProvider } from './update-provider.js';

/**
 * HQ assigns one school to a provider, or unassigns it (the school page's providers panel): the same
 * edit as a PUT of the provider's `schoolIds` with that one school added or removed, without a version
 * (adding or removing one school commutes with any other edit; the provider's version still moves on).
 * Assigning a school it already has, or unassigning one it has not, changes nothing.
 */
export async function changeAssignment(db: Db, actor: Actor, providerId: number, schoolId: number, assign: boolean) {
  return db.transaction(async (tx) => {
    const current = await lockProvider(tx, providerId);
    const [school] = await tx.select({ id: schools.id }).from(schools).where(eq(schools.id, schoolId));
    if (!school) throw notFound('school');
    const before = await assignedSchoolIds(tx, providerId);
    const wanted = assign ? [...before, schoolId] : before.filter((id) => id !== schoolId);
    return saveProvider(tx, current, {}, wanted, actor);
  });
}
