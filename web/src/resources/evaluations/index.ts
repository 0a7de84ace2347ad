import FactCheckIcon from '@mui/icons-material/FactCheck';
import type { ResourceModule } from '../types';
import { EvaluationList } from './EvaluationList';
import { EvaluationShow } from './EvaluationShow';

const evaluations: ResourceModule = {
  list: EvaluationList,
  show: EvaluationShow,
  icon: FactCheckIcon,
  recordRepresentation: (record) => `${record.schoolName} #${record.year}`,
  menuGroup: 'programme',
};

export default evaluations;
