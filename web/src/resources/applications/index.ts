import AssignmentIcon from '@mui/icons-material/Assignment';
import type { ResourceModule } from '../types';
import { ApplicationCreate } from './ApplicationCreate';
import { ApplicationEdit } from './ApplicationEdit';
import { ApplicationList } from './ApplicationList';
import { ApplicationShow } from './ApplicationShow';

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
