import PolicyIcon from '@mui/icons-material/Rule';
import type { ResourceModule } from '../types';
import { lazyPage } from '../../lazy-page';

const TierPolicyList = lazyPage(() => import('./TierPolicyList'), 'TierPolicyList');
const TierPolicyShow = lazyPage(() => import('./TierPolicyShow'), 'TierPolicyShow');
const TierPolicyEdit = lazyPage(() => import('./TierPolicyEdit'), 'TierPolicyEdit');
const TierPolicyCreate = lazyPage(() => import('./TierPolicyCreate'), 'TierPolicyCreate');

/** Edit and create are registered only for roles the permissions table lets edit/create (HQ). */
const tierPolicies: ResourceModule = {
  list: TierPolicyList,
  show: TierPolicyShow,
  edit: TierPolicyEdit,
  create: TierPolicyCreate,
  icon: PolicyIcon,
  menuGroup: 'programme',
};

export default tierPolicies;
