import { z } from 'zod';
import { applicationStates, planItemKinds, tiers } from '@campus/common';
import { workflowRecordShape } from '@campus/common/api-schemas';
import { recordId, timestamp } from '../../lib/response-schemas.js';

export const planItemRecord = z.object({
  id: recordId, applicationId: recordId, kind: z.enum(planItemKinds), title: z.string(), details: z.record(z.string(), z.unknown()),
  needsPlatformSupport: z.boolean(), approved: z.boolean().nullable(), approvedBy: recordId.nullable(), position: z.number().int(),
});

/** An application as the API answers it; a read adds its plan items. */
export const applicationRecord = z.object({
  ...workflowRecordShape,
  status: z.enum(applicationStates),
  schoolId: recordId, tier: z.enum(tiers), plan: z.record(z.string(), z.unknown()), pledge: z.boolean(),
  reviewComments: z.record(z.string(), z.unknown()), upgradeFromAgreementId: recordId.nullable(),
  submittedAt: timestamp.nullable(), decidedAt: timestamp.nullable(), createdAt: timestamp, updatedAt: timestamp,
  schoolName: z.string(), regionId: recordId,
  /** Days since it reached the reviewer it waits for (null when it waits for nobody). */
  waitingDays: z.number().int().nullable(),
  editable: z.boolean(),
  /** Under review again after a reviewer returned it (the queue marks it; its review context shows what changed). */
  resubmitted: z.boolean(),
  planItems: z.array(planItemRecord).optional(),
});
