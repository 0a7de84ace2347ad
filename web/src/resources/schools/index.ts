import SchoolIcon from '@mui/icons-material/School';
import { importRoute } from '../../components/import';
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
  // POST /api/schools/import: the directory as CSV or .xlsx, updating schools by name when asked (?mode=upsert)
  routes: importRoute('schools', { upsert: true }),
};

export default schools;
