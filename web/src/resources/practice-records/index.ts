import PracticeIcon from '@mui/icons-material/Engineering';
import type { ResourceModule } from '../types';
import { lazyPage } from '../../lazy-page';
import { importRoute } from '../../components/import/importRoute';

const PracticeRecordList = lazyPage(() => import('./PracticeRecordList'), 'PracticeRecordList');
const PracticeRecordCreate = lazyPage(() => import('./PracticeRecordPages'), 'PracticeRecordCreate');
const PracticeRecordEdit = lazyPage(() => import('./PracticeRecordPages'), 'PracticeRecordEdit');
const PracticeRecordShow = lazyPage(() => import('./PracticeRecordPages'), 'PracticeRecordShow');

const practiceRecords: ResourceModule = {
  list: PracticeRecordList,
  create: PracticeRecordCreate,
  edit: PracticeRecordEdit,
  show: PracticeRecordShow,
  icon: PracticeIcon,
  recordRepresentation: 'project',
  menuGroup: 'facts',
  routes: importRoute('practice-records'),
};

export default practiceRecords;
