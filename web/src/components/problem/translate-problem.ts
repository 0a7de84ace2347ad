/**
 * The one place where the web turns a server problem into words: by its `code` (and `params`),
 * never by matching the server's English sentence.
 *
 * Exported API (other modules, e.g. ./parse-problem.ts and ../workflow/guard.ts, build on it):
 * - `interface ProblemLike { code?: string; params?: Record<string, unknown>; message?: string; field?: string; row?: number }`
 *   — an error detail (`details[i]`), the error body itself (`{ error, code, params?, message }`), or
 *   a guard problem of @campus/common (`{ field, code, params }`, no message).
 * - `translateProblem(problem, translate): string` — `app.problem.<code>` of the i18n messages
 *   (web/src/i18n/problem.<locale>.ts, one text per code of @campus/common's problemCodes) with the
 *   problem's params filled in (`%{min}`, `%{row}`…), a state, action, role, tier, entity, step or
 *   type worded first in the UI's language; when the code has no text (or there is no code), the
 *   server's own message (the server words it in the user's language too); when there is neither,
 *   `app.problem_term.unknown`.
 * - `problemKey(code): string` — the i18n key of a code (`app.problem.<code>`).
 * - `hasProblemText(problem, translate): boolean` — whether the code has a text of its own.
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

/**
 * Params whose values are words of the vocabulary, by param name, and the i18n keys that word them.
 * `allowed` lists decisions in the evaluation's codes (KPI names and filters elsewhere: left as they are).
 */
const termKeys: Record<string, string> = {
  state: 'app.state', states: 'app.state', action: 'app.action', role: 'app.role', tier: 'app.tier',
  entity: 'app.entity', step: 'app.problem_term.step', earlier: 'app.problem_term.step', expected: 'app.problem_term.type',
};
const termKeysOf = (code: string | undefined): Record<string, string> =>
  code === 'decision_invalid' || code === 'decision_invalid_final' ? { ...termKeys, allowed: 'app.action' } : termKeys;

/** A param's value in words: a term of the vocabulary in the UI's language, lists joined, numbers as they are. */
function paramText(value: unknown, translate: Translate, termKey?: string): string {
  if (Array.isArray(value)) return value.map((v) => paramText(v, translate, termKey)).join(translate('app.problem_term.list_separator', { _: ', ' }));
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  const text = String(value);
  return termKey ? translate(`${termKey}.${text}`, { _: text }) : text;
}

/** Params that count things (rows, records): digits grouped, 100,000. Ids and years are left as they are. */
const counts = new Set(['max', 'count']);

/** A wait of some seconds, in words. */
function waitText(seconds: number, translate: Translate): string {
  return seconds < 120
    ? translate('app.problem_term.wait', { smart_count: seconds, _: `${seconds} s` })
    : translate('app.problem_term.wait_minutes', { smart_count: Math.ceil(seconds / 60), _: `${Math.ceil(seconds / 60)} min` });
}

/** The options for polyglot: every param in words, plus the problem's field and row. */
function optionsOf(problem: ProblemLike, translate: Translate): Record<string, string> {
  const keys = termKeysOf(problem.code);
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(problem.params ?? {})) {
    if (k === '_' || k === 'smart_count') continue;
    if (k === 'seconds' && typeof v === 'number') out[k] = waitText(v, translate);
    else if (counts.has(k) && typeof v === 'number') out[k] = v.toLocaleString('en-US');
    else out[k] = paramText(v, translate, Object.hasOwn(keys, k) ? keys[k] : undefined);
  }
  if (problem.field !== undefined && out.field === undefined) out.field = problem.field;
  if (problem.row !== undefined && out.row === undefined) out.row = String(problem.row);
  return out;
}

const MISSING = '\u0000missing\u0000';

export function hasProblemText(problem: ProblemLike, translate: Translate): boolean {
  return typeof problem.code === 'string' && problem.code !== '' && translate(problemKey(problem.code), { _: MISSING }) !== MISSING;
}

export function translateProblem(problem: ProblemLike, translate: Translate): string {
  const fallback = problem.message || translate('app.problem_term.unknown', { _: 'Something went wrong.' });
  if (!problem.code || !hasProblemText(problem, translate)) return fallback;
  return translate(problemKey(problem.code), optionsOf(problem, translate));
}

export function useTranslateProblem(): (problem: ProblemLike) => string {
  const translate = useTranslate();
  return useCallback((problem: ProblemLike) => translateProblem(problem, translate), [translate]);
}
