/**
 * The one reader of the API's error body (API.md "Errors": `{ error, code, params?, message,
 * details?: [{ field?, row?, code?, params?, message }] }`), for every screen: what went wrong, as
 * data. Turning it into words is ./translate-problem.ts (by `code` and `params`, the server's own
 * message when the code has no text); showing it is ./ProblemAlert.tsx.
 */
import { useCallback } from 'react';
import type { HttpError } from 'react-admin';
import type { ApiErrorBody } from '@campus/common';
import { translateProblem, useTranslateProblem, type ProblemLike, type Translate } from './translate-problem';

export type { ApiErrorBody };

/**
 * One thing the server found wrong (a detail of the error body, @campus/common's ProblemDetail, read
 * leniently): a field (an import's row and column), its code and params, in words.
 */
export interface ProblemDetail extends ProblemLike {
  field?: string;
  /** An import's row: 1 is the header, 0 the file as a whole. */
  row?: number;
  message: string;
}

/** A failed request, as the screens read it. */
export interface Problem extends ProblemLike {
  /** The HTTP status; 0 when the server could not be reached or the error is not an answer. */
  status: number;
  /** The body's `error` (validation_failed, stale_version…). */
  kind?: string;
  message: string;
  details: ProblemDetail[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** The API error body of an error thrown by httpClient (or the body itself), if it is one. */
export function errorBodyOf(errorOrBody: unknown): Partial<ApiErrorBody> | undefined {
  const candidate = isObject(errorOrBody) && 'body' in errorOrBody ? (errorOrBody as Partial<HttpError>).body : errorOrBody;
  return isObject(candidate) ? (candidate as Partial<ApiErrorBody>) : undefined;
}

/** Zod's fields come as "body.<name>"; the screens know them by name. */
const fieldName = (field: unknown) => (typeof field === 'string' ? field.replace(/^body\./, '') : undefined);

/** The details of an error body (or of an error carrying one), each with a message. */
export function detailsOf(errorOrBody: unknown): ProblemDetail[] {
  const details = errorBodyOf(errorOrBody)?.details;
  if (!Array.isArray(details)) return [];
  return details.filter(isObject).map((d) => ({
    field: fieldName(d.field),
    row: typeof d.row === 'number' ? d.row : undefined,
    code: typeof d.code === 'string' ? d.code : undefined,
    params: isObject(d.params) ? d.params : undefined,
    message: typeof d.message === 'string' ? d.message : '',
  }));
}

export const statusOf = (error: unknown): number | undefined => {
  const status = (error as Partial<HttpError> | undefined)?.status;
  return typeof status === 'number' ? status : undefined;
};

/** 409: the version is stale or the state moved on; the user must reload. */
export const isConflict = (error: unknown) => statusOf(error) === 409;

/** The body's `error` (stale_version, invalid_state, …). */
export const kindOf = (error: unknown): string | undefined => {
  const kind = errorBodyOf(error)?.error;
  return typeof kind === 'string' ? kind : undefined;
};

/** The server's message as it wrote it; a network failure or an unexpected answer says so. */
export function messageOf(error: unknown): string {
  const message = errorBodyOf(error)?.message;
  if (typeof message === 'string' && message) return message;
  return (error as Error | undefined)?.message || String(error);
}

/** Everything a screen needs of a failed request. */
export function parseProblem(error: unknown): Problem {
  const body = errorBodyOf(error);
  return {
    status: statusOf(error) ?? 0,
    kind: kindOf(error),
    code: typeof body?.code === 'string' ? body.code : undefined,
    params: isObject(body?.params) ? body.params : undefined,
    message: messageOf(error),
    details: detailsOf(error),
  };
}

/** Whether the problem says the record changed meanwhile (409): reload to see it. */
export const needsReload = (problem: Pick<Problem, 'status'> | null | undefined) => problem?.status === 409;

/** The problems about one field, by field name (several joined with "; "), in words. */
export function fieldProblems(problem: Pick<Problem, 'details'> | null | undefined, translate: Translate): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const d of problem?.details ?? []) {
    if (!d.field) continue;
    const text = translateProblem(d, translate);
    fields[d.field] = fields[d.field] ? `${fields[d.field]}; ${text}` : text;
  }
  return fields;
}

/** What react-admin's forms read from an HttpError body: per-field messages plus a form-level one. */
export interface FormErrors {
  [field: string]: string | { serverError: string };
  root: { serverError: string };
}

/**
 * The field problems of an error body in react-admin's shape, so that an edit form shows each
 * message under its input; none when no detail names a field of the form.
 */
export function formErrorsOf(body: Partial<ApiErrorBody>, translate?: Translate): FormErrors | undefined {
  const say = (p: ProblemLike) => (translate ? translateProblem(p, translate) : p.message ?? '');
  const errors: FormErrors = { root: { serverError: say({ code: body.code, params: body.params, message: body.message }) } };
  let any = false;
  for (const d of detailsOf(body)) {
    if (!d.field || d.field === 'body' || d.field === 'root' || !d.message) continue;
    errors[d.field] = say(d);
    any = true;
  }
  return any ? errors : undefined;
}

/** The text of a failed request in the user's language: its code's text, else the server's message. */
export function useErrorText() {
  const say = useTranslateProblem();
  return useCallback((error: unknown) => {
    const p = parseProblem(error);
    return say({ code: p.code, params: p.params, message: p.message });
  }, [say]);
}
