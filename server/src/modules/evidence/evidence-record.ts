import { z } from 'zod';
import { recordId, timestamp } from '../../lib/response-schemas.js';

/** An evidence file's record (its bytes are at downloadUrl). */
export const evidenceRecord = z.object({
  id: recordId, schoolId: recordId, entityType: z.string(), entityId: recordId.nullable(), fileName: z.string(),
  contentType: z.string(), sizeBytes: z.number().int(), description: z.string().nullable(), uploadedBy: recordId.nullable(),
  uploadedAt: timestamp, uploaderName: z.string().nullable(), downloadUrl: z.string(),
});
