import SchoolIcon from '@mui/icons-material/School';
import type { ResourceModule } from '../types';
import { SchoolList } from './SchoolList';
import { SchoolShow } from './SchoolShow';
import { SchoolCreate } from './SchoolCreate';
import { SchoolEdit } from './SchoolEdit';

const schools: ResourceModule = {
  list: SchoolList,
  show: SchoolShow,
  create: SchoolCreate,
  edit: SchoolEdit,
  icon: SchoolIcon,
  recordRepresentation: 'name',
  menuGroup: 'programme',
};

export default schools;
