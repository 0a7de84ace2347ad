import HowToRegIcon from '@mui/icons-material/HowToReg';
import type { ResourceModule } from '../types';
import { lazyPage } from '../../lazy-page';

const JoinRequestList = lazyPage(() => import('./JoinRequestList'), 'JoinRequestList');
const JoinRequestShow = lazyPage(() => import('./JoinRequestShow'), 'JoinRequestShow');

const joinRequests: ResourceModule = {
  list: JoinRequestList,
  show: JoinRequestShow,
  icon: HowToRegIcon,
  recordRepresentation: 'schoolName',
  menuGroup: 'programme',
};

export default joinRequests;
