import PeopleIcon from '@mui/icons-material/People';
import type { ResourceModule } from '../types';
import { UserList } from './UserList';
import { UserShow } from './UserShow';

const users: ResourceModule = {
  list: UserList,
  show: UserShow,
  icon: PeopleIcon,
  recordRepresentation: 'name',
  menuGroup: 'administration',
};

export default users;
