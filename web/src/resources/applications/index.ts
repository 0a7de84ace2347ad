import AssignmentIcon from '@mui/icons-material/Assignment';
import type { ResourceModule } from '../types';
import { lazyPage } from '../../lazy-page';

const ApplicationCreate = lazyPage(() => import('./ApplicationCreate'), 'ApplicationCreate');
const ApplicationEdit = lazyPage(() => import('./ApplicationEdit'), 'ApplicationEdit');
const ApplicationList = lazyPage(() => import('./ApplicationList'), 'ApplicationList');
const ApplicationShow = lazyPage(() => import('./ApplicationShow'), 'ApplicationShow');

const applications: ResourceModule = {
  list: ApplicationList,
  show: ApplicationShow,
  edit: ApplicationEdit,
  create: ApplicationCreate,
  icon: AssignmentIcon,
  recordRepresentation: (record) => `#${record.id} ${record.schoolName ?? ''}`.trim(),
  menuGroup: 'programme',
};

export default applications;
