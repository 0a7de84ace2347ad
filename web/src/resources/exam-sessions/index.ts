import EventIcon from '@mui/icons-material/Event';
import type { ResourceModule } from '../types';
import { lazyPage } from '../../lazy-page';
import { examResultsRoute } from '../exam-results/routes';

const ExamSessionList = lazyPage(() => import('./ExamSessionList'), 'ExamSessionList');
const ExamSessionShow = lazyPage(() => import('./ExamSessionShow'), 'ExamSessionShow');
const ExamSessionCreate = lazyPage(() => import('./ExamSessionForm'), 'ExamSessionCreate');
const ExamSessionEdit = lazyPage(() => import('./ExamSessionForm'), 'ExamSessionEdit');

const examSessions: ResourceModule = {
  list: ExamSessionList,
  show: ExamSessionShow,
  create: ExamSessionCreate,
  edit: ExamSessionEdit,
  icon: EventIcon,
  recordRepresentation: 'title',
  menuGroup: 'programme',
  // HQ's import of a closed session's results (resources/exam-results).
  routes: examResultsRoute(),
};

export default examSessions;
