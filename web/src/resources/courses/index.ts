import CourseIcon from '@mui/icons-material/MenuBook';
import type { ResourceModule } from '../types';
import { CourseList } from './CourseList';
import { CourseCreate, CourseEdit, CourseShow } from './CoursePages';

const courses: ResourceModule = {
  list: CourseList,
  create: CourseCreate,
  edit: CourseEdit,
  show: CourseShow,
  icon: CourseIcon,
  recordRepresentation: 'title',
  menuGroup: 'facts',
};

export default courses;
