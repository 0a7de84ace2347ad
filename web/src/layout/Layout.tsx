import { useEffect, type ReactNode } from 'react';
import { Layout as RaLayout, useLocaleState, useTranslate } from 'react-admin';
import { AppBar } from './AppBar';
import { Menu } from './Menu';
import { MuiLocale } from './MuiLocale';

/** Keeps the tab title and the page language in step with the chosen language. */
export function useDocumentLanguage() {
  const [locale] = useLocaleState();
  const translate = useTranslate();
  useEffect(() => {
    document.title = translate('app.title');
    document.documentElement.lang = locale === 'en' ? 'en' : 'zh-CN';
  }, [locale, translate]);
}

export function Layout({ children }: { children: ReactNode }) {
  useDocumentLanguage();
  return (
    <MuiLocale>
      <RaLayout appBar={AppBar} menu={Menu}>
        {children}
      </RaLayout>
    </MuiLocale>
  );
}
