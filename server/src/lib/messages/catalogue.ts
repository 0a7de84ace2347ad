import { fillProblemText, type ProblemCode, type ProblemParams, type ProblemWordKind } from '@campus/common';
import { en } from './en.js';
import { zh } from './zh.js';

/** The languages the server speaks; an account's `locale` is one of them. */
export const locales = ['zh', 'en'] as const;
export type Locale = (typeof locales)[number];

/** The kinds of words a template may ask for with `{param:kind}`. */
export type TermKind = 'role' | 'state' | 'action' | 'tier' | 'entity' | 'step' | 'type';

/** One language's words for every problem code (@campus/common's problemTexts) and the terms that fill them. */
export interface Catalogue {
  problems: Record<ProblemCode, string>;
  /** How a param's value is worded for `{param:kind}`; a value without a term is shown as it is. */
  terms: Partial<Record<TermKind, Record<string, string>>>;
  listSeparator: string;
  /** Between a field's name and its problem, in a message that names the field. */
  fieldSeparator: string;
  /** A wait of `seconds`, in words. */
  wait: (seconds: number) => string;
}

export const catalogues: Record<Locale, Catalogue> = { zh, en };

function word(catalogue: Catalogue, value: string | number | boolean, kind: ProblemWordKind | undefined): string {
  if (kind === 'wait' && typeof value === 'number') return catalogue.wait(value);
  const terms = kind ? catalogue.terms[kind as TermKind] : undefined;
  return terms && Object.hasOwn(terms, String(value)) ? terms[String(value)] : String(value);
}

/** The words of a problem in a language, its params filled in (the texts are @campus/common's, shared with the web). */
export function formatProblem(locale: Locale, code: ProblemCode, params: ProblemParams = {}): string {
  const catalogue = catalogues[locale];
  const template = catalogue.problems[code] ?? catalogues.en.problems[code] ?? code;
  return fillProblemText(template, params, (value, kind) => word(catalogue, value, kind), catalogue.listSeparator);
}

/** "field: problem" in the language's punctuation. */
export const withField = (locale: Locale, field: string, text: string) => `${field}${catalogues[locale].fieldSeparator}${text}`;
