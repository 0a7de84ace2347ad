import InstructorIcon from '@mui/icons-material/CoPresent';
import type { ResourceModule } from '../types';
import { importRoute } from '../../components/import';
import { InstructorList } from './InstructorList';
import { InstructorCreate, InstructorEdit, InstructorShow } from './InstructorPages';

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
