import { useMemo, type ReactNode } from 'react';
import { ThemeProvider, createTheme, useTheme } from '@mui/material/styles';
import { muiLocale } from '../i18n';
import { useLocaleState, useTranslate } from 'react-admin';

/**
 * MUI's own words (pagination's "Rows per page", the autocomplete's "No options", "Close", the pagination buttons'
 * names) in the UI language: the app's theme with MUI's locale for the language chosen in the app bar (MUI's documented
 * way: createTheme(theme, locale)). Wraps the layout, the sign-in page and the public pages.
 */
export function MuiLocale({ children }: { children: ReactNode }) {
  const [locale] = useLocaleState();
  const translate = useTranslate();
  const theme = useTheme();
  // Every spinner and bar named "加载中" / "Loading" unless it says more (axe aria-progressbar-name):
  // react-admin's own (the app bar's loading indicator, a button's busy state) have no name.
  const loading = translate('ra.page.loading');
  const localized = useMemo(() => createTheme(theme, muiLocale(locale), {
    components: {
      MuiCircularProgress: { defaultProps: { 'aria-label': loading } },
      MuiLinearProgress: { defaultProps: { 'aria-label': loading } },
    },
  }), [theme, locale, loading]);
  return <ThemeProvider theme={localized}>{children}</ThemeProvider>;
}
