import HowToRegIcon from '@mui/icons-material/HowToReg';
import type { ResourceModule } from '../types';
import { JoinRequestList } from './JoinRequestList';
import { JoinRequestShow } from './JoinRequestShow';

const joinRequests: ResourceModule = {
  list: JoinRequestList,
  show: JoinRequestShow,
  icon: HowToRegIcon,
  recordRepresentation: 'schoolName',
  menuGroup: 'programme',
};

export default joinRequests;
