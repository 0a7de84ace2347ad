import { z } from 'zod';
import { recordId, timestamp } from '../../lib/response-schemas.js';

export const mailStatuses = ['queued', 'sent', 'failed'] as const;

/** A mail of the outbox as HQ reads it: where it goes, what it says, and how its delivery went. */
export const mailOutboxRecord = z.object({
  id: recordId,
  recipient: z.string(),
  kind: z.string(),
  subject: z.string(),
  text: z.string(),
  html: z.string(),
  status: z.enum(mailStatuses),
  attempts: z.number().int(),
  nextAttemptAt: timestamp,
  lastError: z.string().nullable(),
  userId: recordId.nullable(),
  createdAt: timestamp,
  sentAt: timestamp.nullable(),
});
