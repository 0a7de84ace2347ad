import { z } from 'zod';
import { recordId, timestamp } from '../../lib/response-schemas.js';

export const regionRecord = z.object({
  id: recordId, code: z.string(), nameZh: z.string(), nameEn: z.string(), provinces: z.array(z.string()), sortOrder: z.number().int(),
  version: z.number().int(), updatedAt: timestamp,
});
