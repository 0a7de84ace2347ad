import { z } from 'zod';
import { isValid, parseISO } from 'date-fns';

/** A calendar date 'YYYY-MM-DD' that exists (no 30 February), between 1990 and 2100. */
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  .refine((v) => isValid(parseISO(v)) && v >= '1990-01-01' && v <= '2100-12-31', 'is not a real date (YYYY-MM-DD, 1990–2100)');
