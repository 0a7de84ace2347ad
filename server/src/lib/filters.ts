import { z } from 'zod';

/** Filter values may be one value or a list (react-admin sends both shapes). */
export const oneOrMany = <T extends z.ZodType>(s: T) => z.union([s, z.array(s).max(1000)]);
export const asList = <T>(v: T | T[]): T[] => (Array.isArray(v) ? v : [v]);
export const idValue = z.coerce.number().int().positive().max(2_147_483_647);
export const dateValue = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');
