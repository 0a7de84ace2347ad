import type { ReactNode } from 'react';
import { Layout as RaLayout } from 'react-admin';
import { AppBar } from './AppBar';
import { Menu } from './Menu';
import { MuiLocale } from './MuiLocale';
import { useDocumentLanguage } from './useDocumentLanguage';

export { useDocumentLanguage };

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
