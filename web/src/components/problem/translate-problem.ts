/**
 * The one place where the web turns a server problem into words: by its `code` (and `params`),
 * never by matching the server's English sentence.
 *
 * Exported API (other modules, e.g. ./parse-problem.ts, build on it):
 * - `interface ProblemLike { code?: string; params?: Record<string, unknown>; message?: string; field?: string; row?: number }`
 *   — an error detail (`details[i]`) or the error body itself (`{ error, code, params?, message }`).
 * - `translateProblem(problem, translate): string` — `app.problem.<code>` of the i18n messages with the
 *   problem's params interpolated (`%{min}`, `%{row}`, …); when the code has no key (or there is no code),
 *   the server's own message (the server already speaks the user's language); when there is neither, the
 *   generic `app.problem.unknown`.
 * - `problemKey(code): string` — the i18n key of a code (`app.problem.<code>`).
 * - `hasProblemText(problem, translate): boolean` — whether the code has a key of its own.
 * - `useTranslateProblem(): (problem: ProblemLike) => string` — the same bound to react-admin's translate.
 * `translate` is react-admin's / polyglot's `(key, options) => string` (options `_` is the fallback).
 */
import { useCallback } from 'react';
import { useTranslate } from 'react-admin';

export interface ProblemLike {
  code?: string;
  params?: Record<string, unknown>;
  message?: string;
  field?: string;
  row?: number;
}

export type Translate = (key: string, options?: Record<string, unknown>) => string;

export const problemKey = (code: string) => `app.problem.${code}`;

/** A param in words: lists joined with commas, anything else as text. */
const paramText = (value: unknown): string =>
  Array.isArray(value) ? value.map(paramText).join(', ') : value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);

/** The options for polyglot: every param as text, plus the problem's field and row. */
function optionsOf(problem: ProblemLike): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(problem.params ?? {})) if (k !== '_' && k !== 'smart_count') out[k] = paramText(v);
  if (problem.field !== undefined && out.field === undefined) out.field = problem.field;
  if (problem.row !== undefined && out.row === undefined) out.row = String(problem.row);
  return out;
}

const MISSING = '\u0000missing\u0000';

export function hasProblemText(problem: ProblemLike, translate: Translate): boolean {
  return typeof problem.code === 'string' && problem.code !== '' && translate(problemKey(problem.code), { _: MISSING }) !== MISSING;
}

export function translateProblem(problem: ProblemLike, translate: Translate): string {
  const fallback = problem.message || translate(problemKey('unknown'), { _: 'Something went wrong.' });
  if (!problem.code) return fallback;
  return translate(problemKey(problem.code), { ...optionsOf(problem), _: fallback });
}

export function useTranslateProblem(): (problem: ProblemLike) => string {
  const translate = useTranslate();
  return useCallback((problem: ProblemLike) => translateProblem(problem, translate), [translate]);
}
