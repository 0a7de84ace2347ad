import { z } from 'zod';
import { tiers } from '@campus/common';
import { JOIN_FIELD_LIMITS as L } from './join-limits.js';

/**
 * What the join page sends. Every field is required and bounded. `website` is the honeypot: a field
 * people never see (nor screen readers hear); a request that fills it is answered like any other
 * and dropped.
 */
export const joinRequestBody = z.strictObject({
  schoolName: z.string().trim().min(1).max(L.schoolName),
  province: z.string().trim().min(1).max(L.province),
  kind: z.enum(['university', 'vocational']),
  contactName: z.string().trim().min(1).max(L.contactName),
  email: z.string().trim().toLowerCase().max(L.email).pipe(z.email({ message: 'invalid_email' })),
  phone: z.string().trim().min(1).max(L.phone).regex(/^[0-9+\-\s()]{6,30}$/, { message: 'invalid_format' }),
  tier: z.enum(tiers),
  website: z.string().max(L.website).optional(),
});
export type JoinRequestInput = z.infer<typeof joinRequestBody>;

export const confirmJoinBody = z.strictObject({ token: z.string().min(1).max(200) });

/** accept and decline: the version the reviewer saw; decline needs its reason (the table's guard). */
export const joinActionBody = z.strictObject({
  version: z.number().int().min(1),
  reason: z.string().max(2000).optional(),
  comment: z.string().max(2000).optional(),
});
export type JoinActionInput = z.infer<typeof joinActionBody>;
