import SchoolIcon from '@mui/icons-material/School';
import type { ResourceModule } from '../types';
import { SchoolList } from './SchoolList';
import { SchoolShow } from './SchoolShow';

const schools: ResourceModule = {
  list: SchoolList,
  show: SchoolShow,
  icon: SchoolIcon,
  recordRepresentation: 'name',
  menuGroup: 'programme',
};

export default schools;
