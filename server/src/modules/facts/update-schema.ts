import { z } from 'zod';

/**
 * An edit body: every field of the create body optional, plus the read-only fields react-admin sends
 * back with the record (accepted and ignored). Anything else is refused.
 */
export function updateSchemaOf<S extends z.ZodRawShape>(shape: S, readOnly: readonly string[]) {
  const ignored = Object.fromEntries(readOnly.map((k) => [k, z.unknown().optional()])) as Record<string, z.ZodOptional<z.ZodUnknown>>;
  return z.strictObject({ ...ignored, ...z.object(shape).partial().shape });
}
