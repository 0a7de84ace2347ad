import { z } from 'zod';
import { examinableKinds, examSiteStates } from '@campus/common';
import { workflowRecordShape } from '@campus/common/api-schemas';
import { recordId, timestamp } from '../../lib/response-schemas.js';

/** An exam site (考点) as the API answers it. */
export const examSiteRecord = z.object({
  ...workflowRecordShape,
  status: z.enum(examSiteStates),
  name: z.string(),
  /** The school that is the site (null: a venue of the region). */
  schoolId: recordId.nullable(),
  schoolName: z.string().nullable(),
  regionId: recordId,
  regionName: z.string(),
  address: z.string(),
  capacity: z.number().int(),
  kinds: z.array(z.enum(examinableKinds)),
  contactName: z.string(),
  contactPhone: z.string(),
  contactEmail: z.string().nullable(),
  /** A decline's or a suspension's reason. */
  decisionReason: z.string().nullable(),
  decidedBy: recordId.nullable(),
  decidedByName: z.string().nullable(),
  decidedAt: timestamp.nullable(),
  createdBy: recordId.nullable(),
  createdByName: z.string().nullable(),
  /** Whether the signed-in user may edit it now (its proposer, while it is proposed). */
  editable: z.boolean(),
  createdAt: timestamp,
  updatedAt: timestamp,
});
