import { z } from 'zod';
import { agreementStates, kpiNames, tiers } from '@campus/common';
import { workflowRecordShape } from '@campus/common/api-schemas';
import { isoDate, recordId, timestamp } from '../../lib/response-schemas.js';

/** An agreement as the API answers it: its path, term and rectification, and the actions open to the user. */
export const agreementRecord = z.object({
  ...workflowRecordShape,
  status: z.enum(agreementStates),
  schoolId: recordId, applicationId: recordId.nullable(), previousAgreementId: recordId.nullable(), tier: z.enum(tiers),
  startDate: isoDate.nullable(), termYears: z.number().int(), signedOn: isoDate.nullable(), plaqueOn: isoDate.nullable(),
  plaquePlace: z.string().nullable(), inspectionPassedOn: isoDate.nullable(), inspectionFindings: z.array(z.unknown()),
  rectificationNotice: z.string().nullable(), rectificationDeadline: isoDate.nullable(), rectificationKpis: z.array(z.enum(kpiNames)).nullable(),
  endedOn: isoDate.nullable(), createdAt: timestamp, updatedAt: timestamp, schoolName: z.string(), regionId: recordId,
  /** The agreement year it is in today, and the term's last day (null before it starts). */
  currentYear: z.number().int().nullable(), endDate: isoDate.nullable(),
  /** Where a rectification stands (null unless rectifying). */
  rectification: z.object({
    deadline: isoDate.nullable(), overdue: z.boolean(),
    kpis: z.array(z.object({ kpi: z.string(), met: z.boolean().nullable() })),
    canClose: z.boolean(),
  }).nullable(),
});
