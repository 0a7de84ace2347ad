import { z } from 'zod';
import { roles } from '../../db/schema/index.js';

const links = {
  regionIds: z.array(z.number().int().positive()).max(10).optional(),
  schoolId: z.number().int().positive().nullable().optional(),
  providerId: z.number().int().positive().nullable().optional(),
};

/**
 * A new account. Without `password` (the UI never sends one) the owner is invited by mail and sets it
 * from the link; `password` remains for scripts and tests that need a usable account at once.
 */
export const userCreateBody = z.strictObject({
  email: z.string().trim().toLowerCase().email('must be an email address').max(200),
  name: z.string().trim().min(1, 'is required').max(100),
  role: z.enum(roles),
  password: z.string().max(200).optional(),
  locale: z.enum(['zh', 'en']).optional(),
  ...links,
});

/** An edit: the fields given change; `version`, when given, must be the account's current one (409 otherwise). */
export const userUpdateBody = z.strictObject({
  name: z.string().trim().min(1).max(100).optional(),
  role: z.enum(roles).optional(),
  active: z.boolean().optional(),
  locale: z.enum(['zh', 'en']).optional(),
  password: z.string().max(200).optional(),
  version: z.number().int().positive().optional(),
  ...links,
  // What a client sends back of the record it read, never changed here.
  id: z.unknown().optional(), email: z.unknown().optional(), createdAt: z.unknown().optional(), invitationPending: z.unknown().optional(),
  digestEnabled: z.unknown().optional(),
});

export const userActionBody = z.strictObject({ version: z.number().int().positive().optional() });

export const passwordChangeBody = z.strictObject({
  currentPassword: z.string().min(1, 'is required').max(200),
  newPassword: z.string().max(200),
});
