import { z } from 'zod';
import { instructorCertificationLevels } from '@campus/common';
import { isoDate, recordId, timestamp } from '../../lib/response-schemas.js';

/**
 * An instructor training (师资培训) as the API answers it. `participants` and `passed` count the
 * participants the reader may see (every one for HQ and regional staff' regions, a school's own).
 */
export const trainingRecord = z.object({
  id: recordId,
  title: z.string(),
  level: z.enum(instructorCertificationLevels),
  startsOn: isoDate,
  endsOn: isoDate,
  location: z.string().nullable(),
  validityMonths: z.number().int().meta({ description: 'How long a certification this training issues is valid: from endsOn, this many months less a day.' }),
  version: z.number().int(),
  createdAt: timestamp,
  updatedAt: timestamp,
  participants: z.number().int(),
  passed: z.number().int(),
});

/** One instructor's result in a training, with the certification a pass issued (null: failed, or the certification was removed since). */
export const participantRecord = z.object({
  id: recordId,
  trainingId: recordId,
  instructorId: recordId,
  schoolId: recordId,
  passed: z.boolean(),
  score: z.number().nullable(),
  certificationId: recordId.nullable(),
  recordedBy: recordId.nullable(),
  createdAt: timestamp,
  instructorName: z.string(),
  staffNo: z.string().nullable(),
  schoolName: z.string(),
  trainingTitle: z.string(),
  certNo: z.string().nullable(),
  validFrom: isoDate.nullable(),
  validTo: isoDate.nullable(),
});

/** What recording participants answers: how many were recorded, and how many of them passed (each now certified). */
export const participantsAddedAnswer = z.object({ created: z.number().int(), certified: z.number().int() });
