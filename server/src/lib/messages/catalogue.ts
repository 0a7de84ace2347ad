import type { ProblemCode, ProblemParamValue, ProblemParams } from '@campus/common';
import { en } from './en.js';
import { zh } from './zh.js';

/** The languages the server speaks; an account's `locale` is one of them. */
export const locales = ['zh', 'en'] as const;
export type Locale = (typeof locales)[number];

/** The kinds of words a template may ask for with `{param:kind}`. */
export type TermKind = 'role' | 'state' | 'action' | 'tier' | 'entity' | 'step' | 'type';

/** One language's words for every problem code (tsc checks that none is missing or extra). */
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

const placeholder = /\{(\w+)(?::(\w+))?\}/g;

function word(catalogue: Catalogue, value: string | number | boolean | null, kind: string | undefined): string {
  if (value === null) return '';
  if (kind === 'count' && typeof value === 'number') return value.toLocaleString('en-US');
  if (kind === 'wait' && typeof value === 'number') return catalogue.wait(value);
  if (kind === 'year') return String(value).slice(0, 4);
  const terms = kind ? catalogue.terms[kind as TermKind] : undefined;
  return terms && Object.hasOwn(terms, String(value)) ? terms[String(value)] : String(value);
}

function fill(catalogue: Catalogue, value: ProblemParamValue | undefined, kind: string | undefined): string {
  if (value === undefined) return '';
  if (Array.isArray(value)) return (value as (string | number)[]).map((v) => word(catalogue, v, kind)).join(catalogue.listSeparator);
  return word(catalogue, value as string | number | boolean | null, kind);
}

/** The words of a problem in a language, its params filled in. */
export function formatProblem(locale: Locale, code: ProblemCode, params: ProblemParams = {}): string {
  const catalogue = catalogues[locale];
  const template = catalogue.problems[code] ?? catalogues.en.problems[code] ?? code;
  return template.replace(placeholder, (_, name: string, kind: string | undefined) => fill(catalogue, Object.hasOwn(params, name) ? params[name] : undefined, kind));
}

/** "field: problem" in the language's punctuation. */
export const withField = (locale: Locale, field: string, text: string) => `${field}${catalogues[locale].fieldSeparator}${text}`;
