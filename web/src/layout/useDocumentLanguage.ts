import { useEffect } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';

/** Keeps the tab title and the page language in step with the chosen language. */
export function useDocumentLanguage() {
  const [locale] = useLocaleState();
  const translate = useTranslate();
  useEffect(() => {
    document.title = translate('app.title');
    document.documentElement.lang = locale === 'en' ? 'en' : 'zh-CN';
  }, [locale, translate]);
}
