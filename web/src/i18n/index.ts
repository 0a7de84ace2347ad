import polyglotI18nProvider from 'ra-i18n-polyglot';
import type { I18nProvider, TranslationMessages } from 'react-admin';
import { zhCN, type Localization } from '@mui/material/locale';
import { shellZh } from './shell.zh';

export const DEFAULT_LOCALE = 'zh';

export const locales = [
  { locale: 'zh', name: '中文' },
  { locale: 'en', name: 'English' },
];

type Level = 'shell' | 'full';

/**
 * The catalogues, loaded when needed (issue 16 item 4): the first download carries only the Chinese sign-in page's
 * words (shell.zh.ts). English's (with MUI's English words) comes when English is chosen; a language's full catalogue
 * (every screen's labels and the problem codes, zh.ts / en.ts) with the first screen that needs it: each lazy page
 * waits for it (lazy-page.tsx), and so does an error answer (httpClient). From then on a switch of language loads the
 * other language's full catalogue before the app is drawn again in it.
 */
const loaded: Record<string, Partial<Record<Level, TranslationMessages>>> = { zh: { shell: shellZh as TranslationMessages } };
const loaders: Record<string, Record<Level, () => Promise<TranslationMessages>>> = {
  zh: {
    shell: async () => shellZh as TranslationMessages,
    full: async () => (await import('./zh')).zhMessages,
  },
  en: {
    shell: async () => {
      const m = await import('./shell.en');
      muiLocales.en = m.muiEn;
      return m.shellEn as TranslationMessages;
    },
    full: async () => {
      const [m] = await Promise.all([import('./en'), loaders.en.shell()]);
      return m.enMessages;
    },
  },
};
const muiLocales: Record<string, Localization> = { zh: zhCN };

/** Once a screen asked for the full catalogue, every language is given in full. */
let wantFull = false;
/** The level of the messages last given to polyglot, per language. */
const given: Record<string, Level> = {};

function messagesOf(locale: string): TranslationMessages | Promise<TranslationMessages> {
  const lang = loaders[locale] ? locale : DEFAULT_LOCALE;
  const have = loaded[lang] ?? {};
  const level: Level = wantFull ? 'full' : 'shell';
  const messages = have.full ?? (level === 'shell' ? have.shell : undefined);
  if (messages) {
    given[lang] = have.full ? 'full' : 'shell';
    return messages;
  }
  return loaders[lang][level]().then((m) => {
    loaded[lang] = { ...loaded[lang], [level]: m };
    return messagesOf(lang);
  });
}

const polyglot = polyglotI18nProvider(messagesOf, DEFAULT_LOCALE, locales, { allowMissing: true });

/**
 * Changes of language, one after another. polyglot puts in force the messages of whichever change's catalogue arrives
 * last, so English picked on the sign-in page while the full Chinese catalogue was still loading (an error answer asks
 * for it) was undone when the Chinese one arrived. Queued, the change asked for last is the one in force.
 */
let changes: Promise<void> = Promise.resolve();
function changeLocale(locale: string): Promise<void> {
  const change = changes.then(() => polyglot.changeLocale(locale));
  changes = change.catch(() => undefined);
  return change;
}

let upgrading: Promise<void> | null = null;

/**
 * The full catalogue of the current language (and of any language chosen later), resolved once it is in use.
 * Cheap once done; a lazy page and an error answer wait for it.
 */
export function loadMessages(): Promise<void> {
  wantFull = true;
  if (given[polyglot.getLocale()] === 'full') return Promise.resolve();
  upgrading ??= (async () => {
    try {
      // The language may change while its catalogue arrives: until the current one is given in full.
      while (given[polyglot.getLocale()] !== 'full') await changeLocale(polyglot.getLocale());
    } finally {
      upgrading = null;
    }
  })();
  return upgrading;
}

/**
 * Chinese by default; the choice made with the app bar's language menu is kept in react-admin's
 * store (localStorage) and restored on the next visit, also across sign-outs (see providers/store).
 * allowMissing: server messages pass through translate() and must come out unchanged.
 */
export const i18nProvider: I18nProvider = { ...polyglot, changeLocale };

/** MUI's own words (pagination, autocomplete…) for a language: English's are loaded with its catalogue. */
export const muiLocale = (locale: string): Localization => muiLocales[locale] ?? zhCN;

/** BCP 47 tag for Intl formatting of dates and numbers in the current UI language. */
export const intlLocale = (locale: string) => (locale === 'en' ? 'en-GB' : 'zh-CN');
