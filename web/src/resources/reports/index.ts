import AssessmentIcon from '@mui/icons-material/Assessment';
import type { ResourceModule } from '../types';
import { lazyPage } from '../../lazy-page';

const ProgrammeReportPage = lazyPage(() => import('./ProgrammeReportPage'), 'ProgrammeReportPage');

/** HQ's annual programme report (年度报告): HQ for every region, regional staff for theirs (the permissions table). */
const reports: ResourceModule = {
  list: ProgrammeReportPage,
  icon: AssessmentIcon,
  menuGroup: 'programme',
};

export default reports;
