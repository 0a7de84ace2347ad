import type { FastifyRequest } from 'fastify';
import { locales, type Locale } from './messages/catalogue.js';

/** The language ranges a header names, `*` aside (a program's "any language", e.g. Node's fetch). */
function namedRanges(header: string | string[] | undefined) {
  const value = Array.isArray(header) ? header.join(',') : header ?? '';
  return value.split(',').map((part, index) => {
    const [tag, ...options] = part.trim().split(';');
    const q = options.map((o) => /^\s*q\s*=\s*([0-9.]+)\s*$/i.exec(o)?.[1]).find((v) => v !== undefined);
    return { tag: tag.trim().toLowerCase(), q: q === undefined ? 1 : Number(q), index };
  }).filter((r) => r.tag && r.tag !== '*' && Number.isFinite(r.q) && r.q > 0);
}

/**
 * The language of a request without an account, from its Accept-Language header: the listed
 * languages in order of preference (q), the first that is Chinese (zh, zh-CN, zh-Hans…) or English
 * (en, en-GB…) wins; a header that names only others gets Chinese, the product's language.
 * A header that names no language at all (absent, empty, or only `*`): English. Browsers always
 * name the user's languages, so only API clients and scripts come without, and they read the API
 * in English unless they ask otherwise (README "Errors and their language").
 */
export function languageOfHeader(header: string | string[] | undefined): Locale {
  const ranges = namedRanges(header);
  if (!ranges.length) return 'en';
  ranges.sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranges) {
    const primary = tag.split('-')[0];
    if ((locales as readonly string[]).includes(primary)) return primary as Locale;
  }
  return 'zh';
}

const isLocale = (v: unknown): v is Locale => typeof v === 'string' && (locales as readonly string[]).includes(v);

/**
 * The language the server answers a request in. A request whose Accept-Language names no language
 * comes from a program (browsers always name the user's): English. Otherwise the signed-in account's locale,
 * and before sign-in the header's language (see languageOfHeader).
 */
export function languageOf(request: Pick<FastifyRequest, 'headers'> & { actor?: { locale?: string } | null }): Locale {
  const header = request.headers['accept-language'];
  if (!namedRanges(header).length) return 'en';
  const locale = request.actor?.locale;
  if (isLocale(locale)) return locale;
  return languageOfHeader(header);
}
