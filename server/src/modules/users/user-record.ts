import { z } from 'zod';
import { roles } from '@campus/common';
import { recordId, timestamp } from '../../lib/response-schemas.js';

/** An account as HQ manages it (never its password). */
export const userRecord = z.object({
  id: recordId, email: z.string(), name: z.string(), role: z.enum(roles), schoolId: recordId.nullable(), providerId: recordId.nullable(),
  active: z.boolean(), invitationPending: z.boolean(), version: z.number().int(), locale: z.string(), createdAt: timestamp, regionIds: z.array(recordId),
});
