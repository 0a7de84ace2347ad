import CourseIcon from '@mui/icons-material/MenuBook';
import type { ResourceModule } from '../types';
import { lazyPage } from '../../lazy-page';

const CourseList = lazyPage(() => import('./CourseList'), 'CourseList');
const CourseCreate = lazyPage(() => import('./CoursePages'), 'CourseCreate');
const CourseEdit = lazyPage(() => import('./CoursePages'), 'CourseEdit');
const CourseShow = lazyPage(() => import('./CoursePages'), 'CourseShow');

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
