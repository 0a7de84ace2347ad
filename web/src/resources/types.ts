import type { ComponentType, ReactElement, ReactNode } from 'react';
import type { RaRecord } from 'react-admin';

/**
 * What each resources/<name>/index.ts exports. App.tsx registers every module the signed-in role
 * may list (permissions table), and the menu groups them by menuGroup.
 */
export interface ResourceModule {
  list?: ComponentType;
  show?: ComponentType;
  edit?: ComponentType;
  create?: ComponentType;
  icon: ComponentType;
  recordRepresentation?: string | ReactElement | ((record: RaRecord) => string);
  menuGroup: 'programme' | 'facts' | 'administration';
  /** Extra routes under /<name>/ (e.g. the import screen), as react-router <Route> elements. */
  routes?: ReactNode;
}
