import { asc, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { agreements, applicationPlanItems, applications, schools } from '../../db/schema/index.js';
import type { Tier } from '@campus/common';
import type { Actor } from '@campus/common';
import { agreementYear } from '@campus/common';
import { nextTierUp } from '@campus/common';
import { AppError, conflict, ErrorCode } from '../../lib/errors.js';
import { appendAudit } from '../audit/audit-repository.js';
import { policyInForce } from '../tier-policies/policy-in-force.js';
import { markSchoolPartner } from '../agreements/activate-agreement.js';

type Agreement = typeof agreements.$inferSelect;
export interface DecisionInput { decision: string; reason: string; deadline?: string; failingKpis?: string[]; notice?: string }

const inFlight = ['draft', 'pending_regional', 'pending_hq', 'returned'];

/** What a decision does to the partnership (DOMAIN.md "Agreement"), in the deciding transaction. */
export async function applyDecision(tx: Tx, actor: Actor, agreement: Agreement, input: DecisionInput, today: string) {
  const audit = (action: string, toState: string, data?: unknown) => appendAudit(tx, {
    entityType: 'agreement', entityId: agreement.id, schoolId: agreement.schoolId, action, fromState: agreement.status, toState, actorId: actor.id, comment: input.reason, data,
  });
  const bump = { version: sql`${agreements.version} + 1`, updatedAt: sql`now()` };
  const termEnd = agreementYear(agreement.startDate!, agreement.termYears).to;

  switch (input.decision) {
    case 'continue':
      return {};
    case 'rectify':
      await tx.update(agreements).set({ status: 'rectifying', rectificationNotice: input.notice!, rectificationDeadline: input.deadline!, rectificationKpis: input.failingKpis!, ...bump }).where(eq(agreements.id, agreement.id));
      await tx.update(schools).set({ status: 'rectifying' }).where(eq(schools.id, agreement.schoolId));
      await audit('rectify', 'rectifying', { deadline: input.deadline, failingKpis: input.failingKpis });
      return {};
    case 'terminate':
      await tx.update(agreements).set({ status: 'terminated', endedOn: today, ...bump }).where(eq(agreements.id, agreement.id));
      await tx.update(schools).set({ status: 'terminated', tier: null }).where(eq(schools.id, agreement.schoolId));
      await audit('terminate', 'terminated');
      return {};
    case 'not_renew':
      await tx.update(agreements).set({ status: 'expired', endedOn: termEnd, ...bump }).where(eq(agreements.id, agreement.id));
      await tx.update(schools).set({ status: 'expired', tier: null }).where(eq(schools.id, agreement.schoolId));
      await audit('not_renew', 'expired');
      return {};
    case 'renew': {
      const policy = await policyInForce(tx, agreement.tier as Tier, Number(termEnd.slice(0, 4)));
      await tx.update(agreements).set({ status: 'renewed', endedOn: termEnd, ...bump }).where(eq(agreements.id, agreement.id));
      const [renewed] = await tx.insert(agreements).values({
        schoolId: agreement.schoolId, applicationId: agreement.applicationId, previousAgreementId: agreement.id, tier: agreement.tier,
        status: 'active', startDate: termEnd, termYears: policy.termYears,
      }).returning();
      await markSchoolPartner(tx, agreement.schoolId, agreement.tier);
      await audit('renew', 'renewed', { newAgreementId: renewed.id });
      await appendAudit(tx, { entityType: 'agreement', entityId: renewed.id, schoolId: agreement.schoolId, action: 'create', toState: 'active', actorId: actor.id, comment: input.reason, data: { renewalOf: agreement.id } });
      return { newAgreementId: renewed.id };
    }
    case 'upgrade': {
      const tier = nextTierUp(agreement.tier);
      if (!tier) throw new AppError(400, ErrorCode.validation, 'An Industry College is the highest tier.');
      const [open] = await tx.select({ id: applications.id }).from(applications).where(sql`${applications.schoolId} = ${agreement.schoolId} AND ${applications.status} IN (${sql.join(inFlight.map((s) => sql`${s}`), sql`, `)})`);
      if (open) throw conflict(`The school already has application #${open.id} in progress; it must finish or withdraw it before an upgrade application is opened.`);
      const [source] = agreement.applicationId ? await tx.select().from(applications).where(eq(applications.id, agreement.applicationId)) : [];
      const [app] = await tx.insert(applications).values({
        schoolId: agreement.schoolId, tier, status: 'draft', plan: source?.plan ?? {}, pledge: false, upgradeFromAgreementId: agreement.id, createdBy: actor.id,
      }).returning();
      if (source) {
        const items = await tx.select().from(applicationPlanItems).where(eq(applicationPlanItems.applicationId, source.id)).orderBy(asc(applicationPlanItems.position));
        if (items.length) {
          await tx.insert(applicationPlanItems).values(items.map(({ id: _id, applicationId: _a, approved: _ap, approvedBy: _b, ...item }) => ({ ...item, applicationId: app.id })));
        }
      }
      await appendAudit(tx, { entityType: 'application', entityId: app.id, schoolId: agreement.schoolId, action: 'create', toState: 'draft', actorId: actor.id, comment: input.reason, data: { upgradeFromAgreementId: agreement.id, tier } });
      await audit('upgrade', agreement.status, { applicationId: app.id, tier });
      return { applicationId: app.id };
    }
  }
  return {};
}
