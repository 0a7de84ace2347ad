import SchoolIcon from '@mui/icons-material/School';
import { importRoute } from '../../components/import/importRoute';
import type { ResourceModule } from '../types';
import { lazyPage } from '../../lazy-page';

const SchoolList = lazyPage(() => import('./SchoolList'), 'SchoolList');
const SchoolShow = lazyPage(() => import('./SchoolShow'), 'SchoolShow');
const SchoolCreate = lazyPage(() => import('./SchoolCreate'), 'SchoolCreate');
const SchoolEdit = lazyPage(() => import('./SchoolEdit'), 'SchoolEdit');

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
