import AssignmentTurnedInIcon from '@mui/icons-material/AssignmentTurnedIn';
import type { ResourceModule } from '../types';
import { lazyPage } from '../../lazy-page';

const ProviderReportCreate = lazyPage(() => import('./ProviderReportCreate'), 'ProviderReportCreate');
const ProviderReportList = lazyPage(() => import('./ProviderReportList'), 'ProviderReportList');
const ProviderReportShow = lazyPage(() => import('./ProviderReportShow'), 'ProviderReportShow');

const providerReports: ResourceModule = {
  list: ProviderReportList,
  show: ProviderReportShow,
  create: ProviderReportCreate,
  icon: AssignmentTurnedInIcon,
  recordRepresentation: 'project',
  menuGroup: 'programme',
};

export default providerReports;
