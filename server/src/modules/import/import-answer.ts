import { z } from 'zod';

const count = z.number().int();

/** A row's problem as sent: field, code, params and its words in the user's language. */
const rowProblem = z.object({ field: z.string(), code: z.string(), params: z.record(z.string(), z.unknown()), message: z.string() });

/** One row of a dry run: its outcome, the fields an update changes, a rejected row's problems. */
export const importRowOutcome = z.object({
  row: count,
  outcome: z.enum(['created', 'updated', 'unchanged', 'rejected']),
  changes: z.array(z.string()).optional(),
  problems: z.array(rowProblem).optional(),
});

/**
 * POST /api/<name>/import: what the file did (all of its rows, or none): `{ created }`, with
 * `updated` and `unchanged` in upsert mode; or with `?dryRun=true`
 * what it would do, row by row (at most 1,000 rows listed, rejected and updated ones first;
 * `truncated` when some are left out), having changed nothing.
 */
export const importAnswer = z.object({
  created: count,
  updated: count.optional(),
  unchanged: count.optional(),
  rejected: count.optional(),
  rows: z.array(importRowOutcome).optional(),
  truncated: z.boolean().optional(),
});

