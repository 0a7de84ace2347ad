import { lazy, Suspense, useState } from 'react';
import CssBaseline from '@mui/material/CssBaseline';
import { AdminContext, CoreAdminUI, LoadingPage, useNotificationContext, type AdminProps } from 'react-admin';
import { lazyPage, suspended } from '../lazy-page';

type Props = AdminProps & Required<Pick<AdminProps, 'layout' | 'loginPage'>>;

// Rarely shown, so not part of the sign-in page's download: loaded when first needed (with react-admin's Button and
// its Tooltip and Popper).
const rarePages = () => import('./rare-pages');
const AccessDenied = suspended(lazyPage(rarePages, 'AccessDenied'));
const AuthCallback = suspended(lazyPage(rarePages, 'AuthCallback'));
const AuthenticationError = suspended(lazyPage(rarePages, 'AuthenticationError'));
const ErrorPage = suspended(lazyPage(rarePages, 'Error'));
const NotFound = suspended(lazyPage(rarePages, 'NotFound'));
const LazyNotification = lazy(async () => ({ default: (await rarePages()).Notification }));

/** react-admin's notification bar, loaded with the first notification and kept from then on. */
function Notification() {
  const { notifications } = useNotificationContext();
  const [needed, setNeeded] = useState(false);
  if (notifications.length > 0 && !needed) setNeeded(true);
  return needed ? (
    <Suspense fallback={null}>
      <LazyNotification />
    </Suspense>
  ) : null;
}

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
  catchAll = NotFound as unknown as NonNullable<AdminProps['catchAll']>,
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
