import { defaultTheme, type RaThemeOptions } from 'react-admin';

/** react-admin's default theme in the platform's orange, with CJK-friendly type. */
export const theme: RaThemeOptions = {
  ...defaultTheme,
  palette: {
    ...defaultTheme.palette,
    primary: { main: '#ff6a00', contrastText: '#fff' },
    secondary: { main: '#283593' },
    background: { default: '#f6f7f9' },
  },
  typography: {
    ...defaultTheme.typography,
    fontFamily: '-apple-system, BlinkMacSystemFont, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", Roboto, Helvetica, Arial, sans-serif',
  },
  shape: { borderRadius: 8 },
  components: {
    ...defaultTheme.components,
    RaAppBar: {
      styleOverrides: {
        root: { '& .RaAppBar-toolbar': { backgroundColor: '#1f2430' } },
      },
    },
  },
};
