import PolicyIcon from '@mui/icons-material/Rule';
import type { ResourceModule } from '../types';
import { TierPolicyList } from './TierPolicyList';
import { TierPolicyShow } from './TierPolicyShow';
import { TierPolicyEdit } from './TierPolicyEdit';
import { TierPolicyCreate } from './TierPolicyCreate';

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
