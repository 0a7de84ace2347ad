import { z } from 'zod';

/** Contact fields: an empty text clears the field (stored as null). */
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional().transform((v) => (v === '' ? null : v));
const email = z.union([z.literal(''), z.string().trim().toLowerCase().email('must be an email address').max(200)]).nullable().optional()
  .transform((v) => (v === '' ? null : v));

const schoolIds = z.array(z.number().int().positive().max(2_147_483_647)).max(10_000)
  .meta({ description: 'Every school the provider serves. On PUT the list replaces the set: schools left out are unassigned (the provider loses access to them at once), new ones assigned (its accounts are notified).' });

const contact = {
  contactName: optionalText(100),
  contactEmail: email,
  contactPhone: optionalText(50),
};

export const providerCreateBody = z.strictObject({
  name: z.string().trim().min(1, 'is required').max(200).meta({ description: 'Unique among providers (ignoring case and surrounding spaces).' }),
  ...contact,
  schoolIds: schoolIds.optional(),
}).meta({ description: 'A new service provider, optionally with the schools it serves (`schoolIds`).' });

/**
 * An edit, version-checked. Fields left out stay as they are; `schoolIds`, when given, replaces the
 * set of schools. react-admin sends the whole record back, so the read-only fields are accepted (and ignored).
 */
export const providerUpdateBody = z.strictObject({
  version: z.number().int().min(1).meta({ description: 'The version read; a stale one is 409.' }),
  name: z.string().trim().min(1, 'is required').max(200).optional(),
  ...contact,
  active: z.boolean().optional().meta({ description: 'false deactivates the provider: it keeps its records and schools but reaches none of them until reactivated.' }),
  schoolIds: schoolIds.optional(),
  ...Object.fromEntries(['id', 'createdAt', 'updatedAt', 'schools', 'compliantSchools', 'evaluatedSchools', 'reportsSubmitted', 'reportsConfirmed',
    'reportsRejected', 'confirmedHours', 'feedbackOpen', 'feedbackTotal', 'proposalsApproved'].map((k) => [k, z.unknown().optional()])),
}).meta({ description: 'An edit of a provider. `schoolIds` replaces its schools (see also PUT/DELETE /api/providers/{id}/schools/{schoolId}).' });

export const assignmentParams = z.object({
  id: z.string().regex(/^\d{1,9}$/, 'must be a record id (a whole number)').transform(Number),
  schoolId: z.string().regex(/^\d{1,9}$/, 'must be a record id (a whole number)').transform(Number),
});

export type ProviderCreateInput = z.infer<typeof providerCreateBody>;
export type ProviderUpdateInput = z.infer<typeof providerUpdateBody>;
