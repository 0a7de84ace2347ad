import { asc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { agreements, applicationPlanItems, applications, evaluations, schools } from '../../db/schema/index.js';
import type { EvaluationDecision, SnapshotVerdict, Tier } from '@campus/common';
import { agreementYear, decisionEffects, inFlightApplicationStates, isLiveAgreement, nextTierUp } from '@campus/common';
import { badRequest, conflict } from '../../lib/errors.js';
import { refused } from '../../lib/refusals.js';
import { appendAudit } from '../audit/audit-repository.js';
import { policyInForce } from '../tier-policies/policy-in-force.js';
import { markSchoolPartner } from '../agreements/activate-agreement.js';
import { recomputeSchools } from '../compliance/recompute.js';
import { complianceFollowsAgreement } from '../agreements/compliance-follows.js';
import { notifies, runStage, type Effects, type TransitionRun } from '../workflow/effects.js';
import { snapshotsOf } from './open-evaluations.js';
import type { evaluationActionBody } from './evaluation-schemas.js';

type Agreement = typeof agreements.$inferSelect;

/** An evaluation action being carried out, with the agreement it evaluates (locked). */
export type EvaluationRun = TransitionRun<typeof evaluations.$inferSelect, z.infer<typeof evaluationActionBody>> & { agreement: Agreement };

const verdictOf = (snapshot: unknown): SnapshotVerdict => {
  const s = snapshot as SnapshotVerdict;
  return { compliant: s.compliant, failingKpis: s.failingKpis };
};

/** The effects the evaluation table names (packages/common evaluation-transitions.ts). */
export const evaluationEffects: Effects<EvaluationRun> = {
  /** A new snapshot of the year's compliance, recomputed first; the event keeps the verdict before and after. */
  refreshSnapshot: {
    before: async (r) => {
      await recomputeSchools(r.tx, [r.row.schoolId], r.today);
      const snapshot = (await snapshotsOf(r.tx, [{ agreementId: r.row.agreementId, year: r.row.year }])).get(`${r.row.agreementId}-${r.row.year}`) ?? r.row.snapshot;
      Object.assign(r.set, { snapshot, snapshotAt: sql`now()` });
      Object.assign(r.data, { before: verdictOf(r.row.snapshot), after: verdictOf(snapshot) });
    },
  },
  /** The decision, its reason and (for a rectification) the deadline, KPIs and notice. */
  recordDecision: {
    before: (r) => {
      const { decision, reason, deadline, failingKpis, notice } = r.input;
      const rectify = decision === 'rectify';
      Object.assign(r.set, {
        decision: decision!, reason: reason!.trim(), deadline: rectify ? deadline! : null, failingKpis: rectify ? failingKpis! : null,
        notice: rectify ? notice! : null, decidedBy: r.actor.id, decidedAt: sql`now()`,
      });
      r.data.decision = decision;
      r.comment = reason ?? null;
    },
  },
  /**
   * What the decision does to the partnership (DOMAIN.md "Agreement"), in the deciding transaction:
   * the effects decisionEffects names for it, on an agreement that is still live.
   */
  applyDecision: {
    before: async (r) => {
      if (!isLiveAgreement(r.agreement.status)) {
        throw refused('wrong_state', { code: 'evaluation_agreement_closed', params: { id: r.agreement.id, state: r.agreement.status } });
      }
      const names = decisionEffects[r.input.decision as EvaluationDecision] ?? [];
      await runStage(decisionOutcomes, names, 'before', r);
    },
  },
  /** The decision may have ended, renewed or put the agreement into rectification: compliance follows. */
  recomputeCompliance: { last: (r) => complianceFollowsAgreement(r.tx, r.row.schoolId, r.today) },
  notifySchool: notifies('school'),
};

/** The agreement's own audit event of what the decision did to it. */
const auditAgreement = (r: EvaluationRun, e: { action: 'rectify'; toState: string; data: { deadline?: string; failingKpis?: string[] } } | { action: 'terminate' | 'not_renew'; toState: string } | { action: 'renew'; toState: string; data: { newAgreementId: number } } | { action: 'upgrade'; toState: string; data: { applicationId: number; tier: string } }) =>
  appendAudit(r.tx, { entityType: 'agreement', entityId: r.agreement.id, schoolId: r.agreement.schoolId, fromState: r.agreement.status, actorId: r.actor.id, comment: r.input.reason!.trim(), ...e });

const bump = () => ({ version: sql`${agreements.version} + 1`, updatedAt: sql`now()` });
const termEnd = (a: Agreement) => agreementYear(a.startDate!, a.termYears).to;

/** The effects of each decision (decisionEffects in packages/common evaluation-transitions.ts). */
export const decisionOutcomes: Effects<EvaluationRun> = {
  startRectification: {
    before: async (r) => {
      const { deadline, failingKpis, notice } = r.input;
      await r.tx.update(agreements).set({ status: 'rectifying', rectificationNotice: notice!, rectificationDeadline: deadline!, rectificationKpis: failingKpis!, ...bump() }).where(eq(agreements.id, r.agreement.id));
      await r.tx.update(schools).set({ status: 'rectifying' }).where(eq(schools.id, r.agreement.schoolId));
      await auditAgreement(r, { action: 'rectify', toState: 'rectifying', data: { deadline, failingKpis } });
    },
  },
  terminateAgreement: {
    before: async (r) => {
      await r.tx.update(agreements).set({ status: 'terminated', endedOn: r.today, ...bump() }).where(eq(agreements.id, r.agreement.id));
      await r.tx.update(schools).set({ status: 'terminated', tier: null }).where(eq(schools.id, r.agreement.schoolId));
      await auditAgreement(r, { action: 'terminate', toState: 'terminated' });
    },
  },
  expireAgreement: {
    before: async (r) => {
      await r.tx.update(agreements).set({ status: 'expired', endedOn: termEnd(r.agreement), ...bump() }).where(eq(agreements.id, r.agreement.id));
      await r.tx.update(schools).set({ status: 'expired', tier: null }).where(eq(schools.id, r.agreement.schoolId));
      await auditAgreement(r, { action: 'not_renew', toState: 'expired' });
    },
  },
  /** A new agreement of the same tier starts where the term ends. */
  renewAgreement: {
    before: async (r) => {
      const { agreement } = r;
      const end = termEnd(agreement);
      const policy = await policyInForce(r.tx, agreement.tier as Tier, Number(end.slice(0, 4)));
      await r.tx.update(agreements).set({ status: 'renewed', endedOn: end, ...bump() }).where(eq(agreements.id, agreement.id));
      const [renewed] = await r.tx.insert(agreements).values({
        schoolId: agreement.schoolId, applicationId: agreement.applicationId, previousAgreementId: agreement.id, tier: agreement.tier,
        status: 'active', startDate: end, termYears: policy.termYears,
      }).returning();
      await markSchoolPartner(r.tx, agreement.schoolId, agreement.tier);
      await auditAgreement(r, { action: 'renew', toState: 'renewed', data: { newAgreementId: renewed.id } });
      await appendAudit(r.tx, { entityType: 'agreement', entityId: renewed.id, schoolId: agreement.schoolId, action: 'create', toState: 'active', actorId: r.actor.id, comment: r.input.reason!.trim(), data: { renewalOf: agreement.id } });
      r.data.newAgreementId = renewed.id;
      r.result.newAgreementId = renewed.id;
    },
  },
  /**
   * A draft application for the tier above is opened for the school, with the current plan; the
   * agreement runs on until the new one is active.
   */
  openUpgradeApplication: {
    before: async (r) => {
      const { agreement } = r;
      const tier = nextTierUp(agreement.tier);
      if (!tier) throw badRequest('highest_tier');
      const [open] = await r.tx.select({ id: applications.id }).from(applications).where(sql`${applications.schoolId} = ${agreement.schoolId} AND ${applications.status} IN (${sql.join(inFlightApplicationStates.map((s) => sql`${s}`), sql`, `)})`);
      if (open) throw conflict({ code: 'upgrade_blocked_by_application', params: { id: open.id } });
      const [source] = agreement.applicationId ? await r.tx.select().from(applications).where(eq(applications.id, agreement.applicationId)) : [];
      const [app] = await r.tx.insert(applications).values({
        schoolId: agreement.schoolId, tier, status: 'draft', plan: source?.plan ?? {}, pledge: false, upgradeFromAgreementId: agreement.id, createdBy: r.actor.id,
      }).returning();
      if (source) {
        const items = await r.tx.select().from(applicationPlanItems).where(eq(applicationPlanItems.applicationId, source.id)).orderBy(asc(applicationPlanItems.position));
        if (items.length) {
          await r.tx.insert(applicationPlanItems).values(items.map(({ id: _id, applicationId: _a, approved: _ap, approvedBy: _b, ...item }) => ({ ...item, applicationId: app.id })));
        }
      }
      await appendAudit(r.tx, { entityType: 'application', entityId: app.id, schoolId: agreement.schoolId, action: 'create', toState: 'draft', actorId: r.actor.id, comment: r.input.reason!.trim(), data: { upgradeFromAgreementId: agreement.id, tier } });
      await auditAgreement(r, { action: 'upgrade', toState: agreement.status, data: { applicationId: app.id, tier } });
      r.data.applicationId = app.id;
      r.result.applicationId = app.id;
    },
  },
};
