import StudentIcon from '@mui/icons-material/Groups';
import type { ResourceModule } from '../types';
import { lazyPage } from '../../lazy-page';
import { importRoute } from '../../components/import/importRoute';

const StudentList = lazyPage(() => import('./StudentList'), 'StudentList');
const StudentShow = lazyPage(() => import('./StudentShow'), 'StudentShow');
const StudentCreate = lazyPage(() => import('./StudentCreate'), 'StudentCreate');
const StudentEdit = lazyPage(() => import('./StudentCreate'), 'StudentEdit');

const students: ResourceModule = {
  list: StudentList,
  create: StudentCreate,
  edit: StudentEdit,
  show: StudentShow,
  icon: StudentIcon,
  recordRepresentation: (r) => `${r.studentNo} ${r.name}`,
  menuGroup: 'facts',
  routes: importRoute('students', { upsert: true }),
};

export default students;
