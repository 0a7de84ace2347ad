import { render } from '@testing-library/react';
import { http, HttpResponse, type RequestHandler } from 'msw';
import { AdminContext, Notification, Resource, ResourceDefinitionContextProvider, memoryStore, useRouterProvider, type ResourceDefinition } from 'react-admin';
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

/**
 * One resource's pages on a route (`#/evaluations/6/show`), as `user`, against msw handlers: the providers, theme,
 * notifications and resource definitions of the app around the screen, without the layout (app bar, menu,
 * notification bell), the dashboard or the other resources' routes. What the layout itself shows needs renderApp.
 */
export function renderResource(hash: string, user: User, ...handlers: RequestHandler[]) {
  const name = hash.replace(/^#?\//, '').split(/[/?]/)[0];
  if (!resourceModules[name]) throw new Error(`renderResource: no resource named "${name}" in ${hash}`);
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
  const role = user.role as Role;
  return render(
    <AdminContext dataProvider={createDataProvider(API)} authProvider={createAuthProvider(API)} i18nProvider={i18nProvider} store={memoryStore()} theme={theme}>
      <ResourceDefinitionContextProvider definitions={definitionsFor(role)}>
        <span id="react-admin-title" />
        <ResourceRoutes name={name} role={role} />
        <Notification />
      </ResourceDefinitionContextProvider>
    </AdminContext>,
  );
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
