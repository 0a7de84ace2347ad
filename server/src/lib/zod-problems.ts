import { isProblemCode, type ProblemParamValue, type ProblemParams, type Reason } from '@campus/common';

/**
 * A zod issue (or fastify-type-provider-zod's copy of one: `keyword` for `code`, the rest under
 * `params`), as far as the problem codes need it.
 */
export interface IssueLike {
  code: string;
  path?: readonly PropertyKey[];
  message?: string;
}

const asParam = (v: unknown): ProblemParamValue =>
  typeof v === 'number' || typeof v === 'boolean' || v === null ? v
    : typeof v === 'bigint' ? Number(v)
      : Array.isArray(v) ? v.map((x) => (typeof x === 'number' ? x : String(x)))
        : String(v);

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v = input;
  for (const key of path) {
    if (v === null || typeof v !== 'object' || !Object.hasOwn(v, key)) return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

/**
 * The problem code and params of a zod issue, by its kind: a missing value is `required`, a string
 * too short `too_short` (an empty one `required`), a number too small `too_small`… A refinement
 * names its own code in `params: { code, ...params }` (zod's `refine(…, { params })` and
 * `ctx.addIssue({ code: 'custom', params })`); one that names none is `invalid_value`. A check may
 * name its code as its message (`.regex(pattern, { message: 'invalid_date' })`).
 * `input`, when given, is what was parsed: a value absent at the issue's path is `required`.
 */
export function reasonOfIssue(of: IssueLike, input?: unknown): Omit<Reason, 'field' | 'row'> {
  const issue = of as IssueLike & Record<string, unknown>;
  const origin = issue.origin as string | undefined;
  const missing = input !== undefined && valueAt(input, issue.path ?? []) === undefined;
  if (issue.code !== 'custom' && isProblemCode(issue.message) && !missing) return { code: issue.message };
  switch (issue.code) {
    case 'custom': {
      const { code, ...params } = (issue.params ?? {}) as Record<string, unknown>;
      if (!isProblemCode(code)) return { code: 'invalid_value' };
      const out: ProblemParams = {};
      for (const [k, v] of Object.entries(params)) out[k] = asParam(v);
      return { code, params: out };
    }
    case 'invalid_type':
      if (missing || issue.received === 'undefined') return { code: 'required' };
      if (issue.expected === 'int') return { code: 'not_an_integer' };
      return { code: 'invalid_type', params: { expected: asParam(issue.expected) } };
    case 'too_small': {
      const minimum = asParam(issue.minimum);
      if (origin === 'string') return minimum === 1 ? { code: 'required' } : { code: 'too_short', params: { minimum } };
      if (origin === 'array' || origin === 'set') return { code: 'too_few_items', params: { minimum } };
      return issue.inclusive === false ? { code: 'must_be_more_than', params: { minimum } } : { code: 'too_small', params: { minimum } };
    }
    case 'too_big': {
      const maximum = asParam(issue.maximum);
      if (origin === 'string') return { code: 'too_long', params: { maximum } };
      if (origin === 'array' || origin === 'set') return { code: 'too_many_items', params: { maximum } };
      return issue.inclusive === false ? { code: 'must_be_less_than', params: { maximum } } : { code: 'too_big', params: { maximum } };
    }
    case 'invalid_format':
      if (issue.format === 'email') return { code: 'invalid_email' };
      if (issue.format === 'date' || issue.format === 'datetime') return { code: 'invalid_date' };
      return { code: 'invalid_format' };
    case 'invalid_value':
      return { code: 'invalid_option', params: { values: asParam(issue.values ?? []) } };
    case 'unrecognized_keys':
      return { code: 'unknown_field', params: { keys: asParam(issue.keys ?? []) } };
    case 'not_multiple_of':
      return { code: 'not_multiple_of', params: { divisor: asParam(issue.divisor) } };
    default:
      return { code: 'invalid_value' };
  }
}
