import { z } from 'zod';
import { schoolInput } from './school-input.js';

/** POST /api/schools: a school of the directory. */
export const schoolCreateBody = schoolInput;

/**
 * PUT /api/schools/:id: the fields to change and the version the editor read. The read-only fields a
 * react-admin form sends back with the record (id, tier, status, dates) are accepted and ignored;
 * `active` changes like any field (the deactivate/reactivate actions are the same edit).
 */
export const schoolUpdateBody = schoolInput.partial().extend({
  active: z.boolean().optional(),
  version: z.number().int().positive(),
  id: z.unknown().optional(), tier: z.unknown().optional(), status: z.unknown().optional(),
  createdAt: z.unknown().optional(), updatedAt: z.unknown().optional(),
});
export type SchoolUpdate = z.output<typeof schoolUpdateBody>;

/** POST /api/schools/:id/actions/deactivate|reactivate */
export const schoolActionBody = z.strictObject({ version: z.number().int().positive(), comment: z.string().trim().max(1000).optional() });
