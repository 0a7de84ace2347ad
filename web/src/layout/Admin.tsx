import CssBaseline from '@mui/material/CssBaseline';
import {
  AccessDenied,
  AdminContext,
  AuthCallback,
  AuthenticationError,
  CoreAdminUI,
  Error as ErrorPage,
  LoadingPage,
  Notification,
  NotFound,
  type AdminProps,
} from 'react-admin';

type Props = AdminProps & Required<Pick<AdminProps, 'layout' | 'loginPage'>>;

/**
 * react-admin's <Admin> (AdminContext + AdminUI, as react-admin composes them) without the pieces
 * this app replaces: <Admin> and <AdminUI> import react-admin's default layout (app bar, sidebar,
 * menu) and default sign-in form (with react-hook-form) as default props, so the sign-in page
 * downloaded both even though the app brings its own (issue 16 item 4). Same props, same defaults.
 */
export function Admin({
  accessDenied = AccessDenied,
  authCallbackPage = AuthCallback,
  authenticationError = AuthenticationError,
  catchAll = NotFound as NonNullable<AdminProps['catchAll']>,
  error = ErrorPage,
  loading = LoadingPage,
  notification = Notification,
  authProvider, basename, darkTheme, dataProvider, defaultTheme, i18nProvider, lightTheme, queryClient, routerProvider, store, theme,
  children,
  ...ui
}: Props) {
  const NotificationComponent = notification;
  return (
    <AdminContext
      authProvider={authProvider}
      basename={basename}
      darkTheme={darkTheme}
      dataProvider={dataProvider}
      defaultTheme={defaultTheme}
      i18nProvider={i18nProvider}
      lightTheme={lightTheme}
      queryClient={queryClient}
      routerProvider={routerProvider}
      store={store}
      theme={theme}
    >
      <CssBaseline enableColorScheme>
        <CoreAdminUI
          accessDenied={accessDenied}
          authCallbackPage={authCallbackPage}
          authenticationError={authenticationError}
          catchAll={catchAll}
          error={error}
          loading={loading}
          {...ui}
        >
          {children}
        </CoreAdminUI>
        <NotificationComponent />
      </CssBaseline>
    </AdminContext>
  );
}
