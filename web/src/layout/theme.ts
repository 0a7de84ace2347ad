import { defaultTheme, type RaThemeOptions } from 'react-admin';

/**
 * The brand orange. As text or behind white text it reads 2.9:1 only (WCAG 2.2 AA asks 4.5:1), so
 * it is kept as an accent where no contrast is needed (the app bar's rule, the sign-in page's glow);
 * text, links, buttons and chips use the darker `brandText`.
 */
export const brandAccent = '#ff6a00';
/** The brand orange darkened: 5.8:1 on white, 5.4:1 on the page's grey, 5.3:1 on a hovered row. */
export const brandText = '#b33f00';
/** The app bar's ground. */
export const appBarColor = '#1f2430';
/** The focus ring: 3:1 or more against white, the page's grey and a primary button's fill's neighbours. */
const focusRing = '#1a56db';

/**
 * react-admin's default theme in the platform's orange, with CJK-friendly type and colours that
 * reach WCAG 2.2 AA: every palette colour behind white text (buttons, filled chips) and as text on
 * white or the page's grey is 4.5:1 or more (MUI's own info #0288d1 and warning #ed6c02 are 3.9 and
 * 3.1), and every focused control shows a 3 px ring (3:1 or more against its surroundings).
 */
export const theme: RaThemeOptions = {
  ...defaultTheme,
  palette: {
    ...defaultTheme.palette,
    primary: { main: brandText, light: brandAccent, dark: '#8a3000', contrastText: '#fff' },
    secondary: { main: '#283593', contrastText: '#fff' },
    info: { main: '#01579b', light: '#0288d1', dark: '#003c6c', contrastText: '#fff' },
    warning: { main: '#a15000', light: '#ed6c02', dark: '#7a3c00', contrastText: '#fff' },
    success: { main: '#2e7d32', light: '#4caf50', dark: '#1b5e20', contrastText: '#fff' },
    error: { main: '#b71c1c', light: '#ef5350', dark: '#7f0000', contrastText: '#fff' },
    background: { default: '#f6f7f9' },
  },
  typography: {
    ...defaultTheme.typography,
    fontFamily: '-apple-system, BlinkMacSystemFont, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", Roboto, Helvetica, Arial, sans-serif',
  },
  shape: { borderRadius: 8 },
  components: {
    ...defaultTheme.components,
    MuiCssBaseline: {
      styleOverrides: {
        // A visible focus indicator everywhere (WCAG 2.4.7, 2.4.11/13): a ring outside the control,
        // white on the dark app bar.
        '*:focus-visible': { outline: `3px solid ${focusRing}`, outlineOffset: 2 },
        '.MuiAppBar-root *:focus-visible': { outlineColor: '#fff' },
        '.MuiButtonBase-root.Mui-focusVisible': { outline: `3px solid ${focusRing}`, outlineOffset: 2 },
        '.MuiAppBar-root .MuiButtonBase-root.Mui-focusVisible': { outlineColor: '#fff' },
      },
    },
    // An unselected toggle's text (action.active, 4.3:1 on the page's grey) darkened to 6:1.
    MuiToggleButton: {
      styleOverrides: { root: { color: 'rgba(0, 0, 0, 0.7)' } },
    },
    // react-admin's page for a list with no record writes its message in text.disabled (2.65:1 on the page's grey,
    // axe's colour-contrast): the secondary text colour (5.3:1), on every list that keeps react-admin's own.
    RaEmpty: {
      styleOverrides: { root: { '& .RaEmpty-message': { color: 'rgba(0, 0, 0, 0.6)' } } },
    },
    RaAppBar: {
      styleOverrides: {
        root: {
          '& .RaAppBar-toolbar': { backgroundColor: appBarColor },
          // The brand orange as an accent, where it needs no contrast.
          borderBottom: `3px solid ${brandAccent}`,
        },
      },
    },
  },
};
