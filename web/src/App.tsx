import { CustomRoutes } from 'react-admin';
import { Admin } from './layout/Admin';
import { authProvider as defaultAuthProvider } from './providers/authProvider';
import { dataProvider as defaultDataProvider } from './providers/dataProvider';
import type { Role } from './providers/permissions';
import { createStore } from './providers/store';
import { i18nProvider } from './i18n';
import { LoginPage } from './layout/LoginPage';
import { DefaultTitle } from './layout/DocumentTitle';
import { theme } from './layout/theme';
import { lazyPage, suspended } from './lazy-page';
import { joinRoutes } from './join/join-routes';
import { checkRoutes } from './check/check-routes';
import { accountRoutes } from './account/account-routes';
import type { AuthProvider, DataProvider, Store } from 'react-admin';

interface AppProps {
  dataProvider?: DataProvider;
  authProvider?: AuthProvider;
  store?: Store;
}

const defaultStore = createStore();

// Loaded after sign-in, in chunks of their own: the sign-in page downloads neither (nor any screen:
// each resource's pages are lazy in its index.ts).
const Layout = suspended(lazyPage(() => import('./layout/Layout'), 'Layout'));
const Dashboard = lazyPage(() => import('./dashboard/Dashboard'), 'Dashboard');

/** The composition of the app; every piece lives in its own folder. Providers can be swapped in tests. */
export function App({ dataProvider = defaultDataProvider, authProvider = defaultAuthProvider, store = defaultStore }: AppProps) {
  return (
    <Admin
      disableTelemetry
      requireAuth
      dataProvider={dataProvider}
      authProvider={authProvider}
      i18nProvider={i18nProvider}
      store={store}
      layout={Layout}
      loginPage={LoginPage}
      dashboard={Dashboard}
      theme={theme}
      title={<DefaultTitle />}
    >
      {/* Pages open without signing in (react-admin always renders these, whatever the session). */}
      <CustomRoutes noLayout>{joinRoutes}{checkRoutes}{accountRoutes}</CustomRoutes>
      {/* The role's resources, from a chunk loaded once signed in (react-admin waits for the promise); none before
          (react-admin asks on the sign-in page too, without a role). */}
      {(role: Role | undefined) => (role ? import('./resources/resource-elements').then(({ resourceElements }) => resourceElements(role)) : [])}
    </Admin>
  );
}

export default App;
