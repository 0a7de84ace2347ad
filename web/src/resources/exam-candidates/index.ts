import HowToRegIcon from '@mui/icons-material/AssignmentInd';
import type { ResourceModule } from '../types';
import { lazyPage } from '../../lazy-page';
import { importRoute } from '../../components/import/importRoute';

const ExamCandidateList = lazyPage(() => import('./ExamCandidateList'), 'ExamCandidateList');

const examCandidates: ResourceModule = {
  list: ExamCandidateList,
  icon: HowToRegIcon,
  recordRepresentation: (r) => `${r.studentNo} ${r.studentName}`,
  menuGroup: 'programme',
  routes: importRoute('exam-candidates'),
};

export default examCandidates;
