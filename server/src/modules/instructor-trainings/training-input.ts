import { z } from 'zod';
import { instructorCertificationLevels } from '@campus/common';
import { isoDate } from '../../lib/dates.js';

/** The validity a training gives its certifications, in months (the table's check: 1 to 120). */
export const VALIDITY_MONTHS = { min: 1, max: 120, default: 36 } as const;

const title = z.string().trim().min(1, 'is required').max(200);
const location = z.string().trim().max(200).nullable().optional().transform((v) => (v === '' ? null : v));
const validityMonths = z.number().int().min(VALIDITY_MONTHS.min).max(VALIDITY_MONTHS.max)
  .meta({ description: `Months a certification this training issues stays valid (from endsOn, less a day); ${VALIDITY_MONTHS.min}-${VALIDITY_MONTHS.max}, default ${VALIDITY_MONTHS.default}.` });

const datesInOrder = <T extends { startsOn?: string; endsOn?: string }>(v: T) => !v.startsOn || !v.endsOn || v.startsOn <= v.endsOn;
const datesProblem = { path: ['endsOn'], message: 'endsOn cannot be before startsOn', params: { code: 'date_before', other: 'startsOn' } };

export const trainingCreateBody = z.strictObject({
  title,
  level: z.enum(instructorCertificationLevels).meta({ description: 'The level of the 1+X instructor certification a pass awards.' }),
  startsOn: isoDate,
  endsOn: isoDate.meta({ description: 'The last day; results can be recorded from that day on, and certifications are valid from it.' }),
  location,
  validityMonths: validityMonths.optional(),
}).refine(datesInOrder, datesProblem).meta({ description: 'A training HQ held or plans (a future one takes its participants once it has ended).' });

/**
 * An edit, version-checked. Once participants are recorded the level, dates and validity stay as they are
 * (they decided the certifications issued): changing them is 400 `training_has_participants`. react-admin sends the
 * whole record back: the read-only fields are accepted and ignored.
 */
export const trainingUpdateBody = z.strictObject({
  version: z.number().int().min(1).meta({ description: 'The version read; a stale one is 409.' }),
  title: title.optional(),
  level: z.enum(instructorCertificationLevels).optional(),
  startsOn: isoDate.optional(),
  endsOn: isoDate.optional(),
  location,
  validityMonths: validityMonths.optional(),
  ...Object.fromEntries(['id', 'createdAt', 'updatedAt', 'participants', 'passed'].map((k) => [k, z.unknown().optional()])),
});

/** One instructor's result: passed or not, a score, and (a pass) the certification number when it is not the generated one. */
export const participantInput = z.strictObject({
  instructorId: z.number().int().positive().max(2_147_483_647),
  passed: z.boolean(),
  score: z.number().min(0).max(1000).nullable().optional(),
  certNo: z.string().trim().min(1).max(100).nullable().optional()
    .meta({ description: 'The certification number; default `TT-<trainingId>-<instructorId>`. Only for a pass.' }),
});

export const participantsBody = z.strictObject({
  participants: z.array(participantInput).min(1).max(1000),
}).meta({ description: 'Instructors of any school who took the training, each with the result; all recorded or none.' });

export type TrainingCreateInput = z.infer<typeof trainingCreateBody>;
export type TrainingUpdateInput = z.infer<typeof trainingUpdateBody>;
export type ParticipantInput = z.infer<typeof participantInput>;
