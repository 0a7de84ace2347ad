import type { ResourceModule } from './types';
import schools from './schools';
import tierPolicies from './tier-policies';
import regions from './regions';
import auditEvents from './audit-events';
import users from './users';

export type { ResourceModule };

/**
 * Every resource of the SPA, by its API name, in menu order. A new resource is a folder with an
 * index.ts and one line here; who sees it comes from the shared permissions table.
 */
export const resourceModules: Record<string, ResourceModule> = {
  schools,
  'tier-policies': tierPolicies,
  regions,
  'audit-events': auditEvents,
  users,
};
