import StudentIcon from '@mui/icons-material/Groups';
import type { ResourceModule } from '../types';
import { importRoute } from '../../components/import';
import { StudentList } from './StudentList';
import { StudentCreate, StudentEdit } from './StudentCreate';
import { StudentShow } from './StudentShow';

const students: ResourceModule = {
  list: StudentList,
  create: StudentCreate,
  edit: StudentEdit,
  show: StudentShow,
  icon: StudentIcon,
  recordRepresentation: (r) => `${r.studentNo} ${r.name}`,
  menuGroup: 'facts',
  routes: importRoute('students'),
};

export default students;
