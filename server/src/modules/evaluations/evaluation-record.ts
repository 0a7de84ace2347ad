import { z } from 'zod';
import { evaluationDecisions, evaluationStates, kpiNames, tiers } from '@campus/common';
import { workflowRecordShape } from '@campus/common/api-schemas';
import { isoDate, recordId, timestamp } from '../../lib/response-schemas.js';

/** The compliance record frozen when the evaluation opened (older snapshots hold fewer fields). */
const snapshot = z.record(z.string(), z.unknown());

/** An evaluation as the API answers it; a read adds the previous year's decision. */
export const evaluationRecord = z.object({
  ...workflowRecordShape,
  status: z.enum(evaluationStates),
  agreementId: recordId, schoolId: recordId, year: z.number().int(), kind: z.enum(['annual', 'final']),
  snapshot, snapshotAt: timestamp, decision: z.enum(evaluationDecisions).nullable(), reason: z.string().nullable(),
  deadline: isoDate.nullable(), failingKpis: z.array(z.enum(kpiNames)).nullable(), notice: z.string().nullable(),
  openedBy: recordId.nullable(), decidedBy: recordId.nullable(), decidedAt: timestamp.nullable(), createdAt: timestamp,
  schoolName: z.string(), regionId: recordId, tier: z.enum(tiers), compliant: z.boolean().nullable(),
  previous: z.object({
    id: recordId, year: z.number().int(), snapshot, decision: z.enum(evaluationDecisions).nullable(), reason: z.string().nullable(),
  }).nullable().optional(),
  /** What a decision created: an upgrade application, a renewed agreement (the decide action's answer). */
  applicationId: recordId.optional(),
  newAgreementId: recordId.optional(),
});

/** GET /api/evaluations/bulk-jobs/:id (and the 202 of bulk-open): a bulk opening under way or done. */
export const bulkJobRecord = z.object({
  id: recordId, kind: z.string(), status: z.string(), total: z.number().int(), done: z.number().int(),
  result: z.unknown().nullable(), error: z.string().nullable(), createdBy: recordId.nullable(),
  createdAt: timestamp, finishedAt: timestamp.nullable(),
});

/** GET /api/evaluations/awaiting: an ended agreement year without its evaluation. */
export const awaitingYearRecord = z.object({
  id: z.string(), agreementId: recordId, year: z.number().int(), schoolId: recordId, schoolName: z.string(), regionId: recordId,
  tier: z.string(), kind: z.enum(['annual', 'final']), from: z.string(), to: z.string(),
});

/** POST /api/evaluations/bulk/open: how many of the selected years were opened, and each one not opened with the reason. */
export const openedYearsRecord = z.object({
  opened: z.number().int(),
  skipped: z.array(z.object({ agreementId: recordId, year: z.number().int(), schoolId: recordId, reason: z.string(), message: z.string() })),
});
