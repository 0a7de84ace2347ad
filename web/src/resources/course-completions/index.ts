import CompletionIcon from '@mui/icons-material/AssignmentTurnedIn';
import type { ResourceModule } from '../types';
import { lazyPage } from '../../lazy-page';
import { importRoute } from '../../components/import/importRoute';

const CourseCompletionList = lazyPage(() => import('./CourseCompletionList'), 'CourseCompletionList');
const CourseCompletionCreate = lazyPage(() => import('./CourseCompletionPages'), 'CourseCompletionCreate');
const CourseCompletionEdit = lazyPage(() => import('./CourseCompletionPages'), 'CourseCompletionEdit');
const CourseCompletionShow = lazyPage(() => import('./CourseCompletionPages'), 'CourseCompletionShow');

const courseCompletions: ResourceModule = {
  list: CourseCompletionList,
  create: CourseCompletionCreate,
  edit: CourseCompletionEdit,
  show: CourseCompletionShow,
  icon: CompletionIcon,
  recordRepresentation: (r) => `${r.studentName ?? ''} ${r.courseTitle ?? ''}`.trim(),
  menuGroup: 'facts',
  routes: importRoute('course-completions', { upsert: true }),
};

export default courseCompletions;
