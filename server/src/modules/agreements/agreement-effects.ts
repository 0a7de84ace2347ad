import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { agreements, schools } from '../../db/schema/index.js';
import type { InspectionFinding } from '@campus/common';
import { notifies, type Effects, type TransitionRun } from '../workflow/effects.js';
import { activateAgreement } from './activate-agreement.js';
import { complianceFollowsAgreement } from './compliance-follows.js';
import type { agreementActionBody } from './agreement-schemas.js';

export type AgreementRun = TransitionRun<typeof agreements.$inferSelect, z.infer<typeof agreementActionBody>>;

/** The agreement becomes active from the action's date: the live agreement it replaces is superseded, the school is a partner. */
const activate = (r: AgreementRun) => activateAgreement(r.tx, r.row.id, r.row.schoolId, r.row.tier, r.input.on ?? r.today, r.actor.id);

/** The effects the agreement table names (packages/common agreement-transitions.ts). */
export const agreementEffects: Effects<AgreementRun> = {
  recordSigning: { before: (r) => { r.set.signedOn = r.input.on; } },
  recordPlaqueCeremony: { before: (r) => { Object.assign(r.set, { plaqueOn: r.input.on, plaquePlace: r.input.place!.trim() }); } },
  recordInspectionPassed: { before: (r) => { r.set.inspectionPassedOn = r.input.on; } },
  /** A failed inspection keeps what is missing, with the earlier findings. */
  recordFinding: {
    before: (r) => {
      const finding: InspectionFinding = { on: r.input.on, missing: r.input.missing!.filter((m) => m.trim()), comment: r.comment, by: r.actor.id };
      r.set.inspectionFindings = [...(r.row.inspectionFindings as unknown[]), finding];
    },
  },
  /** Signing or the plaque ceremony may end the path (the tier policy decides): then the agreement starts. */
  activateIfActive: { before: async (r) => { if (r.to === 'active') await activate(r); } },
  activate: { before: activate },
  /** The rectification is over: its notice, deadline and KPIs are cleared, and the school is a partner again. */
  closeRectification: {
    before: (r) => { Object.assign(r.set, { rectificationNotice: null, rectificationDeadline: null, rectificationKpis: null }); },
    after: async (r) => { await r.tx.update(schools).set({ status: 'partner' }).where(eq(schools.id, r.row.schoolId)); },
  },
  /** The partnership ends today, and the school has no tier any more. */
  endPartnership: {
    before: (r) => { r.set.endedOn = r.today; },
    after: async (r) => { await r.tx.update(schools).set({ status: 'terminated', tier: null }).where(eq(schools.id, r.row.schoolId)); },
  },
  /**
   * Every agreement change (a start date, an end, a superseded predecessor) moves the school's
   * compliance rows: they are recomputed in this transaction, never left for the daily refresh.
   */
  recomputeCompliance: { last: (r) => complianceFollowsAgreement(r.tx, r.row.schoolId, r.today) },
  notifySchool: notifies('school'),
};
