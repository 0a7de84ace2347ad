import PracticeIcon from '@mui/icons-material/Engineering';
import type { ResourceModule } from '../types';
import { importRoute } from '../../components/import';
import { PracticeRecordList } from './PracticeRecordList';
import { PracticeRecordCreate, PracticeRecordEdit, PracticeRecordShow } from './PracticeRecordPages';

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
