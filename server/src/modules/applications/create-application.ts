import { and, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import { applications, schools } from '../../db/schema/index.js';
import { inFlightApplicationStates, type Actor } from '@campus/common';
import { appendAudit } from '../audit/audit-repository.js';
import { conflict } from '../../lib/errors.js';
import { refused } from '../../lib/refusals.js';
import type { applicationCreateBody } from './application-schemas.js';
import { replacePlanItems } from './plan-items.js';

/** A school starts a draft application for a tier. A school has at most one application in flight. */
export async function createApplication(db: Db, actor: Actor, input: z.infer<typeof applicationCreateBody>, opts: { upgradeFromAgreementId?: number } = {}) {
  if (actor.role !== 'school' || !actor.schoolId) throw refused('forbidden_role', 'only_school_creates');
  const schoolId = actor.schoolId;
  return db.transaction(async (tx) => {
    await tx.select({ id: schools.id }).from(schools).where(eq(schools.id, schoolId)).for('update');
    const [open] = await tx.select({ id: applications.id, status: applications.status }).from(applications)
      .where(and(eq(applications.schoolId, schoolId), inArray(applications.status, [...inFlightApplicationStates])));
    if (open) throw conflict({ code: 'application_in_progress', params: { id: open.id, state: open.status } });
    const [row] = await tx.insert(applications).values({
      schoolId, tier: input.tier, plan: input.plan ?? {}, pledge: input.pledge ?? false, createdBy: actor.id,
      upgradeFromAgreementId: opts.upgradeFromAgreementId ?? null,
    }).returning();
    await replacePlanItems(tx, row.id, input.planItems ?? []);
    await tx.update(schools).set({ status: 'applying', updatedAt: sql`now()` }).where(and(eq(schools.id, schoolId), eq(schools.status, 'prospect')));
    await appendAudit(tx, { entityType: 'application', entityId: row.id, schoolId, action: 'create', toState: 'draft', actorId: actor.id, data: { tier: input.tier } });
    return row;
  });
}
