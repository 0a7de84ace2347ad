import { z } from 'zod';
import { joinRequestStates, tiers } from '@campus/common';
import { workflowRecordShape } from '@campus/common/api-schemas';
import { recordId, timestamp } from '../../lib/response-schemas.js';

/** A confirmed join request as staff read it (never the requester's network address, never the token). */
export const joinRequestRecord = z.object({
  ...workflowRecordShape,
  status: z.enum(joinRequestStates),
  schoolName: z.string(), province: z.string(), regionId: recordId.nullable(), kind: z.enum(['university', 'vocational']),
  contactName: z.string(), email: z.string(), phone: z.string(), tier: z.enum(tiers), locale: z.string(),
  confirmedAt: timestamp.nullable(), declineReason: z.string().nullable(), decidedBy: recordId.nullable(), decidedByName: z.string().nullable(),
  decidedAt: timestamp.nullable(), schoolId: recordId.nullable(), schoolNameNow: z.string().nullable(), invitedUserId: recordId.nullable(),
  /** A school of the same name already in the directory (accepting links it instead of creating one). */
  existingSchoolId: recordId.nullable(),
  createdAt: timestamp,
});

/** POST /api/join-requests: the same answer for every accepted body (a new school or a known one, a honeypot). */
export const joinAcceptedAnswer = z.object({ ok: z.literal(true) });
