import type { ReactNode } from 'react';
import { act, render } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import { http, HttpResponse, type RequestHandler } from 'msw';
import { AdminContext, Notification, Resource, ResourceDefinitionContextProvider, memoryStore, useNavigate, useRouterProvider, type ResourceDefinition } from 'react-admin';
import { canAccess, type Role } from '../providers/permissions';
import { createAuthProvider } from '../providers/authProvider';
import { createDataProvider } from '../providers/dataProvider';
import { i18nProvider } from '../i18n';
import { theme } from '../layout/theme';
import { resourceModules } from '../resources';
import { server } from './server';
import { API, listHandler, meHandler, oneHandler, regions } from './api';

type User = Parameters<typeof meHandler>[0];

/**
 * Puts the app on `hash` and answers with the test's handlers, then with what every screen may ask besides its own
 * records: the signed-in user, the regions, and the app bar's notifications (a test's own handlers come first and win).
 */
export function serveSession(hash: string, user: User, handlers: RequestHandler[]) {
  window.location.hash = hash;
  server.use(
    ...handlers,
    meHandler(user),
    listHandler('regions', regions),
    oneHandler('regions', regions),
    http.get(`${API}/notifications/unread-count`, () => HttpResponse.json({ unread: 0 })),
    listHandler('notifications', []),
    listHandler('audit-events', []),
  );
}

/**
 * The resource definitions the app registers for `role` (App.tsx): every resource it may list, with the pages it may
 * open and its record representation, so links and reference fields on the screen behave as in the app.
 */
function definitionsFor(role: Role): Record<string, ResourceDefinition> {
  return Object.fromEntries(Object.entries(resourceModules)
    .filter(([name]) => canAccess(role, name, 'list'))
    .map(([name, module]) => [name, {
      name,
      hasList: !!module.list,
      hasShow: !!module.show && canAccess(role, name, 'show'),
      hasEdit: !!module.edit && canAccess(role, name, 'edit'),
      hasCreate: !!module.create && canAccess(role, name, 'create'),
      icon: module.icon,
      recordRepresentation: module.recordRepresentation,
    }]));
}

/** Hands the router's navigate to the test: what a link or a menu entry does when clicked. */
function Navigator({ into }: { into: { navigate?: (to: string) => void } }) {
  into.navigate = useNavigate();
  return null;
}

/**
 * `children` with the app's providers as `user` sees them: data and auth providers against msw, i18n, theme, a store
 * and query cache of their own, the hash router, notifications and the role's resource definitions. Returns the
 * rendering, its query client (for test/settled.ts's readsSettled) and `navigate(path)`, which moves to another page
 * in the app as its menu's links do (the page left is unmounted, a guard on leaving it is asked).
 */
function renderWithProviders(user: User, children: ReactNode) {
  const queryClient = new QueryClient();
  const router: { navigate?: (to: string) => void } = {};
  const rendered = render(
    <AdminContext
      dataProvider={createDataProvider(API)}
      authProvider={createAuthProvider(API)}
      i18nProvider={i18nProvider}
      store={memoryStore()}
      theme={theme}
      queryClient={queryClient}
    >
      <ResourceDefinitionContextProvider definitions={definitionsFor(user.role as Role)}>
        <span id="react-admin-title" />
        {children}
        <Notification />
        <Navigator into={router} />
      </ResourceDefinitionContextProvider>
    </AdminContext>,
  );
  const navigate = (to: string) => act(() => {
    if (!router.navigate) throw new Error('the router has not rendered yet');
    router.navigate(to);
  });
  return { ...rendered, queryClient, navigate };
}

/**
 * One resource's pages on a route (`#/evaluations/6/show`), as `user`, against msw handlers: the providers, theme,
 * notifications and resource definitions of the app around the screen, without the layout (app bar, menu,
 * notification bell), the dashboard or the other resources' routes. What the layout itself shows needs renderApp
 * (render-app.tsx).
 */
export function renderResource(hash: string, user: User, ...handlers: RequestHandler[]) {
  const name = hash.replace(/^#?\//, '').split(/[/?]/)[0];
  if (!resourceModules[name]) throw new Error(`renderResource: no resource named "${name}" in ${hash}`);
  serveSession(hash, user, handlers);
  return renderWithProviders(user, <ResourceRoutes name={name} role={user.role as Role} />);
}

/**
 * One component (a piece of the layout, such as the notification bell) with the app's providers, on a route, as
 * `user`, against msw handlers; it may navigate (the hash changes) but no page is rendered.
 */
export function renderComponent(element: ReactNode, hash: string, user: User, ...handlers: RequestHandler[]) {
  serveSession(hash, user, handlers);
  return renderWithProviders(user, element);
}

/** A JSON body of a request, for assertions. */
export async function bodyOf(request: Request) {
  return JSON.parse(await request.text()) as Record<string, unknown>;
}

/** The routes App.tsx gives the resource for `role`: none when the role may not list it, as there. */
function ResourceRoutes({ name, role }: { name: string; role: Role }) {
  const { Routes, Route } = useRouterProvider();
  const module = resourceModules[name];
  if (!canAccess(role, name, 'list')) return null;
  const allowed = (action: 'show' | 'edit' | 'create') => canAccess(role, name, action);
  return (
    <Routes>
      <Route
        path={`/${name}/*`}
        element={(
          <Resource
            name={name}
            list={module.list}
            show={allowed('show') ? module.show : undefined}
            edit={allowed('edit') ? module.edit : undefined}
            create={allowed('create') ? module.create : undefined}
            recordRepresentation={module.recordRepresentation}
          >
            {module.routes}
          </Resource>
        )}
      />
    </Routes>
  );
}
