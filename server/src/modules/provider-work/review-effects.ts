import { eq, sql } from 'drizzle-orm';
import { practiceRecords } from '../../db/schema/index.js';
import { recomputeSchools } from '../compliance/recompute.js';
import { notifies, type Effects } from '../workflow/effects.js';
import type { ReviewRun } from '../workflow/review-workflow.js';

/** The effects of a provider's practice-project report (providerReportTransitions). */
export const providerReportEffects: Effects<ReviewRun> = {
  /** Confirming a report makes its hours count: its practice records are confirmed and the KPIs follow. */
  confirmHours: {
    before: async (r) => {
      await r.tx.update(practiceRecords).set({ confirmed: true, confirmedAt: sql`now()` }).where(eq(practiceRecords.providerReportId, r.row.id));
      await recomputeSchools(r.tx, [r.row.schoolId!], r.today);
    },
  },
  notifyProvider: notifies('provider'),
};

/** The effects of a provider's content proposal (contentProposalTransitions). */
export const contentProposalEffects: Effects<ReviewRun> = {
  notifyProvider: notifies('provider'),
};

/** The effects of a school's feedback about its provider (feedbackTransitions). */
export const feedbackEffects: Effects<ReviewRun> = {
  /** HQ's reply is kept on the feedback, with who replied and when. */
  recordReply: { before: (r) => { Object.assign(r.set, { reply: r.input.reply!.trim(), repliedBy: r.actor.id, repliedAt: sql`now()` }); } },
  notifySchool: notifies('school'),
};
