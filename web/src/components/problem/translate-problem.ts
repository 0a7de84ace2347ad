/**
 * The one place where the web turns a server problem into words: by its `code` (and `params`),
 * never by matching the server's English sentence.
 *
 * Exported API (other modules, e.g. ./parse-problem.ts and ../workflow/guard.ts, build on it):
 * - `interface ProblemLike { code?: string; params?: Record<string, unknown>; message?: string; field?: string; row?: number }`
 *   — an error detail (`details[i]`), the error body itself (`{ error, code, params?, message }`), or
 *   a guard problem of @campus/common (`{ field, code, params }`, no message).
 * - `translateProblem(problem, translate): string` — `app.problem.<code>` of the i18n messages
 *   (@campus/common's problemTexts in the UI's language, the server's own texts) with the problem's
 *   params filled in (`{min}`, `{row}`…) by @campus/common's fillProblemText, a value the text marks
 *   as a state, action, role, tier, entity, step or type worded first in the UI's language, a count
 *   with grouped digits, a wait in words; when the code has no text (or there is no code), the
 *   server's own message (the server words it in the user's language too); when there is neither,
 *   `app.problem_term.unknown`.
 * - `problemKey(code): string` — the i18n key of a code (`app.problem.<code>`).
 * - `hasProblemText(problem, translate): boolean` — whether the code has a text of its own.
 * - `useTranslateProblem(): (problem: ProblemLike) => string` — the same bound to react-admin's translate.
 * `translate` is react-admin's / polyglot's `(key, options) => string` (options `_` is the fallback).
 */
import { useCallback } from 'react';
import { useTranslate } from 'react-admin';
import { fillProblemText, type ProblemWordKind } from '@campus/common';

export interface ProblemLike {
  code?: string;
  params?: Record<string, unknown>;
  message?: string;
  field?: string;
  row?: number;
}

export type Translate = (key: string, options?: Record<string, unknown>) => string;

export const problemKey = (code: string) => `app.problem.${code}`;

/** The i18n keys that word a value of each kind a problem text asks for (`{state:state}`…): the UI's own vocabulary. */
const termKeys: Partial<Record<ProblemWordKind, string>> = {
  state: 'app.state', action: 'app.action', role: 'app.role', tier: 'app.tier',
  entity: 'app.entity', step: 'app.problem_term.step', type: 'app.problem_term.type',
};

/** A wait of some seconds, in words. */
function waitText(seconds: number, translate: Translate): string {
  return seconds < 120
    ? translate('app.problem_term.wait', { smart_count: seconds, _: `${seconds} s` })
    : translate('app.problem_term.wait_minutes', { smart_count: Math.ceil(seconds / 60), _: `${Math.ceil(seconds / 60)} min` });
}

/** One value in words, as its placeholder's kind asks: a term of the vocabulary in the UI's language, or a wait. */
function wordOf(value: string | number | boolean, kind: ProblemWordKind | undefined, translate: Translate): string {
  if (kind === 'wait' && typeof value === 'number') return waitText(value, translate);
  const termKey = kind ? termKeys[kind] : undefined;
  return termKey ? translate(`${termKey}.${String(value)}`, { _: String(value) }) : String(value);
}

const MISSING = '\u0000missing\u0000';

export function hasProblemText(problem: ProblemLike, translate: Translate): boolean {
  return typeof problem.code === 'string' && problem.code !== '' && translate(problemKey(problem.code), { _: MISSING }) !== MISSING;
}

export function translateProblem(problem: ProblemLike, translate: Translate): string {
  const fallback = problem.message || translate('app.problem_term.unknown', { _: 'Something went wrong.' });
  if (!problem.code || !hasProblemText(problem, translate)) return fallback;
  // The text as it is (its placeholders are {name}, not polyglot's %{name}), filled in here with the UI's words.
  const params: Record<string, unknown> = { ...problem.params };
  if (problem.field !== undefined && params.field === undefined) params.field = problem.field;
  if (problem.row !== undefined && params.row === undefined) params.row = problem.row;
  return fillProblemText(translate(problemKey(problem.code)), params, (value, kind) => wordOf(value, kind, translate),
    translate('app.problem_term.list_separator', { _: ', ' }));
}

export function useTranslateProblem(): (problem: ProblemLike) => string {
  const translate = useTranslate();
  return useCallback((problem: ProblemLike) => translateProblem(problem, translate), [translate]);
}
