import CastForEducationIcon from '@mui/icons-material/CastForEducation';
import type { ResourceModule } from '../types';
import { lazyPage } from '../../lazy-page';

const TrainingList = lazyPage(() => import('./TrainingList'), 'TrainingList');
const TrainingShow = lazyPage(() => import('./TrainingShow'), 'TrainingShow');
const TrainingEdit = lazyPage(() => import('./TrainingEdit'), 'TrainingEdit');
const TrainingCreate = lazyPage(() => import('./TrainingCreate'), 'TrainingCreate');

/** Instructor trainings (师资培训): HQ records them and their participants; regional staff and schools read them. */
const instructorTrainings: ResourceModule = {
  list: TrainingList,
  show: TrainingShow,
  edit: TrainingEdit,
  create: TrainingCreate,
  icon: CastForEducationIcon,
  recordRepresentation: 'title',
  menuGroup: 'programme',
};

export default instructorTrainings;
