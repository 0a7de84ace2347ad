import type { ReactNode } from 'react';
import GlobalStyles from '@mui/material/GlobalStyles';
import { Layout as RaLayout } from 'react-admin';
import { AppBar } from './AppBar';
import { Menu } from './Menu';
import { MuiLocale } from './MuiLocale';
import { useDocumentLanguage } from './useDocumentLanguage';

export { useDocumentLanguage };

/**
 * On a phone (below `sm`) the page is as wide as the screen, never wider: react-admin's layout grows
 * to fit its content (min-width: fit-content), which let one wide table or chart widen every screen.
 * Here the layout keeps to the screen, charts size to it, and a table too wide for it scrolls
 * sideways inside its own box, not the page.
 */
const phoneFit = {
  '@media (max-width: 599.95px)': {
    minWidth: 0,
    '& .RaLayout-appFrame, & .RaLayout-contentWithSidebar, & .RaLayout-content': { minWidth: 0, maxWidth: '100vw' },
    '& .RaLayout-content': { overflowWrap: 'anywhere' },
    '& .RaLayout-content table': { display: 'block', overflowX: 'auto', maxWidth: '100%', overflowWrap: 'normal' },
    // A column's heading on one line (CJK text would otherwise break after every character): the table scrolls instead.
    '& .RaLayout-content th': { whiteSpace: 'nowrap' },
    '& .recharts-responsive-container': { minWidth: 0, maxWidth: '100%' },
  },
} as const;

/** Dialogs are rendered outside the layout: on a phone each takes the whole screen (as MUI's fullScreen dialog). */
const phoneDialogs = {
  '@media (max-width: 599.95px)': {
    '.MuiDialog-container > .MuiDialog-paper': { margin: 0, width: '100%', maxWidth: '100%', height: '100%', maxHeight: 'none', borderRadius: 0 },
  },
} as const;

export function Layout({ children }: { children: ReactNode }) {
  useDocumentLanguage();
  return (
    <MuiLocale>
      <GlobalStyles styles={phoneDialogs} />
      <RaLayout appBar={AppBar} menu={Menu} sx={phoneFit}>
        {children}
      </RaLayout>
    </MuiLocale>
  );
}
