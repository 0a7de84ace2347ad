import FactCheckIcon from '@mui/icons-material/FactCheck';
import type { ResourceModule } from '../types';
import { lazyPage } from '../../lazy-page';

const EvaluationList = lazyPage(() => import('./EvaluationList'), 'EvaluationList');
const EvaluationShow = lazyPage(() => import('./EvaluationShow'), 'EvaluationShow');

const evaluations: ResourceModule = {
  list: EvaluationList,
  show: EvaluationShow,
  icon: FactCheckIcon,
  recordRepresentation: (record) => `${record.schoolName} #${record.year}`,
  menuGroup: 'programme',
};

export default evaluations;
