import { z } from 'zod';
import { recordId, timestamp } from '../../lib/response-schemas.js';

/** A notification of the signed-in user: its kind and the record it is about; the screen words it from params. */
export const notificationRecord = z.object({
  id: recordId, kind: z.string(), entityType: z.string(), entityId: recordId, params: z.record(z.string(), z.unknown()),
  readAt: timestamp.nullable(), createdAt: timestamp,
});
