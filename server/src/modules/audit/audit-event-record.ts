import { z } from 'zod';
import { recordId, timestamp } from '../../lib/response-schemas.js';

/** One event of a record's history: who did what, from which state to which, and its data (changes, the deleted row…). */
export const auditEventRecord = z.object({
  id: recordId, entityType: z.string(), entityId: recordId, schoolId: recordId.nullable(), action: z.string(),
  fromState: z.string().nullable(), toState: z.string().nullable(), actorId: recordId.nullable(), at: timestamp,
  comment: z.string().nullable(), data: z.record(z.string(), z.unknown()).nullable(), actorName: z.string().nullable(),
});
