import PeopleIcon from '@mui/icons-material/People';
import type { ResourceModule } from '../types';
import { UserList } from './UserList';
import { UserShow } from './UserShow';
import { UserCreate } from './UserCreate';
import { UserEdit } from './UserEdit';
import { importRoute } from '../../components/import';

const users: ResourceModule = {
  list: UserList,
  show: UserShow,
  create: UserCreate,
  edit: UserEdit,
  icon: PeopleIcon,
  recordRepresentation: 'name',
  menuGroup: 'administration',
  // POST /api/users/import: school administrators (邮箱, 姓名, 学校), each invited by mail
  routes: importRoute('users'),
};

export default users;
