import { z } from 'zod';
import { reasonOfIssue } from '../../lib/zod-problems.js';
import { invalid } from '../../lib/errors.js';

export const schoolKinds = ['university', 'vocational'] as const;
export type SchoolKind = (typeof schoolKinds)[number];

/** Optional text: trimmed, empty means none (null). */
const optionalText = (max: number) => z.string().trim().max(max).nullish().transform((v) => (v ? v : null));

/** The longest a school's name (and the other directory fields) may be; the join page and the import share them. */
export const schoolLimits = { name: 100, nameEn: 200, province: 20, city: 50, contactName: 100, contactEmail: 200, contactPhone: 30 } as const;

/**
 * A school of the directory as HQ (or a join request, or an import row) gives it. The province must
 * be one that a region lists (checked against the regions table, which HQ edits); the region follows
 * from it unless HQ names another (`regionId`).
 */
export const schoolInput = z.strictObject({
  name: z.string().trim().min(1).max(schoolLimits.name),
  nameEn: optionalText(schoolLimits.nameEn),
  province: z.string().trim().min(1).max(schoolLimits.province),
  regionId: z.number().int().positive().max(2147483647).nullish().transform((v) => v ?? null),
  city: optionalText(schoolLimits.city),
  kind: z.enum(schoolKinds),
  contactName: optionalText(schoolLimits.contactName),
  contactEmail: z.string().trim().toLowerCase().max(schoolLimits.contactEmail)
    .refine((v) => v === '' || z.email().safeParse(v).success, { message: 'invalid_email' })
    .nullish().transform((v) => (v ? v : null)),
  contactPhone: z.string().trim().max(schoolLimits.contactPhone)
    .refine((v) => v === '' || /^[0-9+\-\s()]{6,30}$/.test(v), { message: 'invalid_format' })
    .nullish().transform((v) => (v ? v : null)),
});

/** What a caller passes (optional fields may be left out, empty or null). */
export type SchoolInput = z.input<typeof schoolInput>;
/** The input once checked: trimmed, empty optional text as null. */
export type CheckedSchoolInput = z.output<typeof schoolInput>;

/** Checks an input the caller built (the routes' bodies are already checked): a bad field is a 400 naming it. */
export function checkSchoolInput(input: SchoolInput): CheckedSchoolInput {
  const parsed = schoolInput.safeParse(input);
  if (parsed.success) return parsed.data;
  throw invalid(parsed.error.issues.map((issue) => ({ field: issue.path.join('.'), ...reasonOfIssue(issue, input) })));
}
