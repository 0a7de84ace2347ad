import { isProblemCode, type ProblemCode, type ProblemDetail, type ProblemParams, type Reason } from '@campus/common';
import { formatProblem, withField, type Locale } from './messages/catalogue.js';

/**
 * The kinds of refusal, the error body's `error` (API.md "Errors"). The problem itself is the body's
 * `code` (a ProblemCode of @campus/common) with its `params`, worded in the user's language.
 */
export const ErrorCode = {
  badRequest: 'bad_request',
  validation: 'validation_failed',
  unauthenticated: 'unauthenticated',
  forbidden: 'forbidden',
  notFound: 'not_found',
  conflict: 'conflict',
  staleVersion: 'stale_version',
  invalidState: 'invalid_state',
  tooLarge: 'payload_too_large',
  unsupportedMediaType: 'unsupported_media_type',
  tooManyRequests: 'too_many_requests',
  insufficientStorage: 'insufficient_storage',
  unavailable: 'service_unavailable',
  internal: 'internal_error',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** A problem to report: its code and params, and the field (or import row) it is about. */
export type ErrorDetail = Reason;

/**
 * How the body's message is made when the error reports details: `first` says the first detail
 * ("field: problem"), `all` every one of them ("field: problem; field: problem"). Either way the
 * body's code and params are the first detail's.
 */
export type Summary = 'first' | 'all';

/** The error body of API.md, in one language. */
export interface ErrorBody {
  error: ErrorCode;
  code: ProblemCode;
  params: ProblemParams;
  message: string;
  details?: ProblemDetail[] | Record<string, unknown>;
}

const reasonOf = (problem: Reason | ProblemCode): Reason => (typeof problem === 'string' ? { code: problem } : problem);

/** A detail as sent: field and row first, then the code, its params and its words. */
function detailIn(locale: Locale, d: Reason): ProblemDetail {
  const code = isProblemCode(d.code) ? d.code : 'invalid_value';
  return {
    ...(d.field !== undefined ? { field: d.field } : {}),
    ...(d.row !== undefined ? { row: d.row } : {}),
    code,
    params: d.params ?? {},
    message: formatProblem(locale, code, d.params),
  };
}

export class AppError extends Error {
  /** The body's problem: the one given, or the first detail's when the message summarises the details. */
  readonly problem: Reason;

  constructor(
    readonly statusCode: number,
    readonly code: ErrorCode,
    problem: Reason | ProblemCode | undefined,
    readonly details?: ErrorDetail[] | Record<string, unknown>,
    readonly summary?: Summary,
  ) {
    super('');
    const first = Array.isArray(details) ? details[0] : undefined;
    this.problem = problem !== undefined ? reasonOf(problem) : first ? { code: first.code, params: first.params } : { code: 'invalid_value' };
    this.message = this.messageIn('en');
  }

  /** The body's message in a language. */
  messageIn(locale: Locale): string {
    const details = Array.isArray(this.details) ? this.details : [];
    if (this.summary && details.length) {
      const said = (this.summary === 'all' ? details : details.slice(0, 1))
        .map((d) => (d.field ? withField(locale, d.field, formatProblem(locale, d.code, d.params)) : formatProblem(locale, d.code, d.params)));
      return said.join(locale === 'zh' ? '；' : '; ');
    }
    return formatProblem(locale, this.problem.code, this.problem.params);
  }

  /** The error body of API.md in a language. */
  bodyIn(locale: Locale): ErrorBody {
    const body: ErrorBody = { error: this.code, code: this.problem.code, params: this.problem.params ?? {}, message: this.messageIn(locale) };
    if (Array.isArray(this.details)) body.details = this.details.map((d) => detailIn(locale, d));
    else if (this.details !== undefined) body.details = this.details;
    return body;
  }
}

/** 400: the body's problem is `problem`; details name the fields. */
export const badRequest = (problem: Reason | ProblemCode, details?: ErrorDetail[]) =>
  new AppError(400, ErrorCode.validation, problem, details);
/** 400 about fields: the message says the first of them (or all of them), "field: problem". */
export const invalid = (details: ErrorDetail[], summary: Summary = 'first') =>
  new AppError(400, ErrorCode.validation, undefined, details, summary);
export const forbidden = (problem: Reason | ProblemCode = 'forbidden') => new AppError(403, ErrorCode.forbidden, problem);
/** 404 for a record (named by its noun: 'tier policy' is the entity tier_policy) that is absent or out of scope. */
export const notFound = (what = 'record') => new AppError(404, ErrorCode.notFound, { code: 'not_found', params: { entity: what.replace(/[\s-]+/g, '_') } });
export const conflict = (problem: Reason | ProblemCode, code: ErrorCode = ErrorCode.conflict) => new AppError(409, code, problem);
export const unauthenticated = (problem: Reason | ProblemCode = 'sign_in_first') => new AppError(401, ErrorCode.unauthenticated, problem);
