import { Resource } from 'react-admin';
import { canAccess, type Role } from '../providers/permissions';
import { resourceModules } from './index';

/**
 * The <Resource>s a role may see. Loaded once signed in (App's children function imports this module), so that the
 * sign-in page downloads neither the resources' definitions and icons nor the access rules (issue 16 item 4).
 */
export function resourceElements(role: Role) {
  return Object.entries(resourceModules)
    .filter(([name]) => canAccess(role, name, 'list'))
    .map(([name, { list, show, edit, create, icon, recordRepresentation, routes }]) => (
      <Resource
        key={name}
        name={name}
        list={list}
        show={canAccess(role, name, 'show') ? show : undefined}
        edit={canAccess(role, name, 'edit') ? edit : undefined}
        create={canAccess(role, name, 'create') ? create : undefined}
        icon={icon}
        recordRepresentation={recordRepresentation}
      >
        {routes}
      </Resource>
    ));
}
