import { z } from 'zod';
import { roles } from '../../db/schema/index.js';

const links = {
  regionIds: z.array(z.number().int().positive()).max(10).optional(),
  schoolId: z.number().int().positive().nullable().optional(),
  providerId: z.number().int().positive().nullable().optional(),
};

export const userCreateBody = z.strictObject({
  email: z.string().trim().toLowerCase().email('must be an email address').max(200),
  name: z.string().trim().min(1, 'is required').max(100),
  role: z.enum(roles),
  password: z.string().max(200),
  locale: z.enum(['zh', 'en']).optional(),
  ...links,
});

export const userUpdateBody = z.strictObject({
  name: z.string().trim().min(1).max(100).optional(),
  active: z.boolean().optional(),
  locale: z.enum(['zh', 'en']).optional(),
  password: z.string().max(200).optional(),
  ...links,
  id: z.unknown().optional(), email: z.unknown().optional(), role: z.unknown().optional(), createdAt: z.unknown().optional(),
});

export const passwordChangeBody = z.strictObject({
  currentPassword: z.string().min(1, 'is required').max(200),
  newPassword: z.string().max(200),
});
