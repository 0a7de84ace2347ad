import { z } from 'zod';
import { contentProposalStates, feedbackStates, providerReportStates } from '@campus/common';
import { workflowRecordShape } from '@campus/common/api-schemas';
import { isoDate, recordId, timestamp } from '../../lib/response-schemas.js';

// The provider's records as the API answers them.

export const providerReportRecord = z.object({
  ...workflowRecordShape,
  status: z.enum(providerReportStates),
  providerId: recordId, schoolId: recordId, project: z.string(), periodFrom: isoDate, periodTo: isoDate,
  studentCount: z.number().int(), totalHours: z.number(), outcomes: z.string(), reviewComment: z.string().nullable(),
  createdAt: timestamp, providerName: z.string().nullable(), schoolName: z.string().nullable(),
});

export const contentProposalRecord = z.object({
  ...workflowRecordShape,
  status: z.enum(contentProposalStates),
  providerId: recordId, schoolId: recordId.nullable(), title: z.string(), description: z.string(), classHours: z.number().int().nullable(),
  decisionReason: z.string().nullable(), decidedAt: timestamp.nullable(), createdAt: timestamp, providerName: z.string().nullable(),
});

export const feedbackRecord = z.object({
  ...workflowRecordShape,
  status: z.enum(feedbackStates),
  schoolId: recordId, providerId: recordId.nullable(), subject: z.string(), body: z.string(), reply: z.string().nullable(),
  repliedAt: timestamp.nullable(), createdAt: timestamp, providerName: z.string().nullable(), schoolName: z.string().nullable(),
});
