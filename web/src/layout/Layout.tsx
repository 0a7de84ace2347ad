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
    // react-admin's page boxes are flex items that would otherwise grow to their widest content.
    '& :is(.RaList-main, .RaList-content, .RaShow-main, .RaShow-card, .RaEdit-main, .RaEdit-card, .RaCreate-main, .RaCreate-card)': { minWidth: 0 },
    '& .RaLayout-content table': { display: 'block', overflowX: 'auto', maxWidth: '100%', overflowWrap: 'normal' },
    // A column's heading on one line (CJK text would otherwise break after every character): the table scrolls instead.
    '& .RaLayout-content th': { whiteSpace: 'nowrap' },
    '& .recharts-responsive-container': { minWidth: 0, maxWidth: '100%' },
    // Toolbars wrap onto more lines instead of pushing their first buttons off the screen's left edge.
    '& .RaLayout-content :is(.RaTopToolbar-root, .MuiToolbar-root, .MuiToggleButtonGroup-root)': { flexWrap: 'wrap', maxWidth: '100%', minWidth: 0 },
    // A list's buttons above its filters, each on lines of their own.
    '& .RaLayout-content .RaList-actions': { flexDirection: 'column-reverse', flexWrap: 'nowrap', alignItems: 'stretch' },
    // A list's filters: each within the screen's width (a date field is wider than a phone by itself).
    '& .RaFilterForm-root': { maxWidth: '100%', minWidth: 0 },
    '& .RaFilterFormInput-root': { maxWidth: '100%', minWidth: 0 },
    '& .RaFilterFormInput-root > .MuiFormControl-root, & .RaFilterFormInput-root > .MuiTextField-root': { minWidth: 0, flexShrink: 1 },
    '& .RaFilterFormInput-root input': { minWidth: 0 },
    '& .RaFilterFormInput-spacer': { display: 'none' },
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
