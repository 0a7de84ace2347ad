import CompletionIcon from '@mui/icons-material/AssignmentTurnedIn';
import type { ResourceModule } from '../types';
import { importRoute } from '../../components/import';
import { CourseCompletionList } from './CourseCompletionList';
import { CourseCompletionCreate, CourseCompletionEdit, CourseCompletionShow } from './CourseCompletionPages';

const courseCompletions: ResourceModule = {
  list: CourseCompletionList,
  create: CourseCompletionCreate,
  edit: CourseCompletionEdit,
  show: CourseCompletionShow,
  icon: CompletionIcon,
  recordRepresentation: (r) => `${r.studentName ?? ''} ${r.courseTitle ?? ''}`.trim(),
  menuGroup: 'facts',
  routes: importRoute('course-completions'),
};

export default courseCompletions;
