import type { ProblemCode } from './problem-codes.js';
import { problemTextsEn } from './problem-texts.en.js';
import { problemTextsZh } from './problem-texts.zh.js';

/** The languages problems are worded in, and each one's texts. */
export const problemTexts: Record<'zh' | 'en', Record<ProblemCode, string>> = { zh: problemTextsZh, en: problemTextsEn };

/** How a template asks for a param's value to be worded: `{name:kind}`. */
export type ProblemWordKind = 'role' | 'state' | 'action' | 'tier' | 'entity' | 'step' | 'type' | 'count' | 'wait' | 'year';

/** Words one value of a param by a term of the language (`kind` a term kind, or `wait` for seconds; undefined for a plain `{name}`). */
export type ProblemWord = (value: string | number | boolean, kind: ProblemWordKind | undefined) => string;

const placeholder = /\{(\w+)(?::(\w+))?\}/g;

/**
 * A problem text with its params filled in: each `{name}` or `{name:kind}` by the param's value. A `count` has its
 * digits grouped (100,000) and a `year` is the year of a date in either language; any other value is worded by `word`
 * (the server by its catalogue's terms, the web by its UI vocabulary). A list's values are worded one by one and joined
 * with `listSeparator`; a missing or null param is nothing.
 */
export function fillProblemText(template: string, params: Readonly<Record<string, unknown>>, word: ProblemWord, listSeparator: string): string {
  const one = (value: unknown, kind: ProblemWordKind | undefined): string => {
    if (value === null || value === undefined) return '';
    if (kind === 'count' && typeof value === 'number') return value.toLocaleString('en-US');
    if (kind === 'year' && (typeof value === 'string' || typeof value === 'number')) return String(value).slice(0, 4);
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return word(value, kind);
    return JSON.stringify(value);
  };
  return template.replace(placeholder, (_, name: string, kind: ProblemWordKind | undefined) => {
    const value = Object.hasOwn(params, name) ? (params as Record<string, unknown>)[name] : undefined;
    return Array.isArray(value) ? value.map((v) => one(v, kind)).join(listSeparator) : one(value, kind);
  });
}

/** The param names each template of a text asks for, with their kinds: what a test checks a language against another. */
export const placeholdersOf = (template: string): string[] => [...template.matchAll(placeholder)].map((m) => m[0]).sort();
