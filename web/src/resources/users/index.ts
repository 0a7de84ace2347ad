import PeopleIcon from '@mui/icons-material/People';
import type { ResourceModule } from '../types';
import { lazyPage } from '../../lazy-page';
import { importRoute } from '../../components/import/importRoute';

const UserList = lazyPage(() => import('./UserList'), 'UserList');
const UserShow = lazyPage(() => import('./UserShow'), 'UserShow');
const UserCreate = lazyPage(() => import('./UserCreate'), 'UserCreate');
const UserEdit = lazyPage(() => import('./UserEdit'), 'UserEdit');

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
