import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { agreements, schools } from '../../db/schema/index.js';
import { liveAgreementStates } from '@campus/common';
import { appendAudit } from '../audit/audit-repository.js';

/**
 * The live agreement a school already has (the one an upgrade replaces) becomes `superseded`.
 * Runs before the new agreement turns active: a school has at most one live agreement.
 */
export async function supersedeLiveAgreements(tx: Tx, schoolId: number, newAgreementId: number | null, on: string, actorId: number) {
  const previous = await tx.update(agreements)
    .set({ status: 'superseded', endedOn: on, version: sql`${agreements.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(agreements.schoolId, schoolId), newAgreementId ? ne(agreements.id, newAgreementId) : undefined, inArray(agreements.status, [...liveAgreementStates])))
    .returning({ id: agreements.id });
  for (const p of previous) {
    await appendAudit(tx, { entityType: 'agreement', entityId: p.id, schoolId, action: 'supersede', fromState: 'active', toState: 'superseded', actorId, comment: newAgreementId ? `superseded by agreement #${newAgreementId}` : null });
  }
}

export async function markSchoolPartner(tx: Tx, schoolId: number, tier: string) {
  await tx.update(schools).set({ tier, status: 'partner', updatedAt: sql`now()` }).where(eq(schools.id, schoolId));
}

/** An agreement becomes active on `on`: its agreement years count from that day. */
export async function activateAgreement(tx: Tx, agreementId: number, schoolId: number, tier: string, on: string, actorId: number) {
  await supersedeLiveAgreements(tx, schoolId, agreementId, on, actorId);
  await tx.update(agreements).set({ status: 'active', startDate: on }).where(eq(agreements.id, agreementId));
  await markSchoolPartner(tx, schoolId, tier);
}
