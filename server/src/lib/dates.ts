import { z } from 'zod';
import { isValid, parseISO } from 'date-fns';

/** A calendar date 'YYYY-MM-DD' that exists (no 30 February), between 1990 and 2100. */
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'invalid_date', abort: true })
  .refine((v) => isValid(parseISO(v)), { message: 'is not a real date (YYYY-MM-DD)', params: { code: 'invalid_date' }, abort: true })
  .refine((v) => v >= '1990-01-01' && v <= '2100-12-31', { message: 'is not a real date (YYYY-MM-DD, 1990–2100)', params: { code: 'date_out_of_range', min: '1990', max: '2100' } });
