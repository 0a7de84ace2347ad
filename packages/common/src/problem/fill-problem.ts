import type { ProblemCode, ProblemParams } from './problem-codes.js';
import { problemTextsEn } from './problem-texts.en.js';
import { problemTextsZh } from './problem-texts.zh.js';

/** The languages problems are worded in, and each one's texts. */
export const problemTexts: Record<'zh' | 'en', Record<ProblemCode, string>> = { zh: problemTextsZh, en: problemTextsEn };

/** How a template asks for a param's value to be worded: `{name:kind}`. */
export type ProblemWordKind = 'role' | 'state' | 'action' | 'tier' | 'entity' | 'step' | 'type' | 'count' | 'wait' | 'year';

/** Words one value of a param; `kind` is the template's (undefined for a plain `{name}`). */
export type ProblemWord = (value: string | number | boolean, kind: ProblemWordKind | undefined) => string;

const placeholder = /\{(\w+)(?::(\w+))?\}/g;

/**
 * A problem text with its params filled in: each `{name}` or `{name:kind}` by the param's value, worded by `word` (the
 * server words by its catalogue's terms, the web by its UI vocabulary); a list's values worded one by one and joined
 * with `listSeparator`; a missing or null param as nothing.
 */
export function fillProblemText(template: string, params: Readonly<Record<string, unknown>> | ProblemParams, word: ProblemWord, listSeparator: string): string {
  const one = (value: unknown, kind: ProblemWordKind | undefined): string => {
    if (value === null || value === undefined) return '';
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
