import polyglotI18nProvider from 'ra-i18n-polyglot';
import type { TranslationMessages } from 'react-admin';
import { zhMessages } from './zh';
import { enMessages } from './en';

export const DEFAULT_LOCALE = 'zh';

export const messages: Record<string, TranslationMessages> = { zh: zhMessages, en: enMessages };

export const locales = [
  { locale: 'zh', name: '中文' },
  { locale: 'en', name: 'English' },
];

/**
 * Chinese by default; the choice made with the app bar's language menu is kept in react-admin's
 * store (localStorage) and restored on the next visit, also across sign-outs (see providers/store).
 * allowMissing: server messages pass through translate() and must come out unchanged.
 */
export const i18nProvider = polyglotI18nProvider(
  (locale) => messages[locale] ?? messages[DEFAULT_LOCALE],
  DEFAULT_LOCALE,
  locales,
  { allowMissing: true },
);

/** BCP 47 tag for Intl formatting of dates and numbers in the current UI language. */
export const intlLocale = (locale: string) => (locale === 'en' ? 'en-GB' : 'zh-CN');
