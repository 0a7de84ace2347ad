import { z } from 'zod';
import { schoolStatuses, tiers } from '@campus/common';
import { recordId, timestamp } from '../../lib/response-schemas.js';

export const schoolRecord = z.object({
  id: recordId, name: z.string(), nameEn: z.string().nullable(), regionId: recordId, province: z.string(), city: z.string().nullable(),
  kind: z.string(), tier: z.enum(tiers).nullable(), status: z.enum(schoolStatuses), contactName: z.string().nullable(),
  contactEmail: z.string().nullable(), contactPhone: z.string().nullable(), active: z.boolean(), version: z.number().int(),
  createdAt: timestamp, updatedAt: timestamp,
});
