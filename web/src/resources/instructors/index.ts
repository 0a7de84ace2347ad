import InstructorIcon from '@mui/icons-material/CoPresent';
import type { ResourceModule } from '../types';
import { lazyPage } from '../../lazy-page';
import { importRoute } from '../../components/import/importRoute';

const InstructorList = lazyPage(() => import('./InstructorList'), 'InstructorList');
const InstructorCreate = lazyPage(() => import('./InstructorPages'), 'InstructorCreate');
const InstructorEdit = lazyPage(() => import('./InstructorPages'), 'InstructorEdit');
const InstructorShow = lazyPage(() => import('./InstructorPages'), 'InstructorShow');

const instructors: ResourceModule = {
  list: InstructorList,
  create: InstructorCreate,
  edit: InstructorEdit,
  show: InstructorShow,
  icon: InstructorIcon,
  recordRepresentation: 'name',
  menuGroup: 'facts',
  routes: importRoute('instructors'),
};

export default instructors;
