import AssignmentTurnedInIcon from '@mui/icons-material/AssignmentTurnedIn';
import type { ResourceModule } from '../types';
import { ProviderReportCreate } from './ProviderReportCreate';
import { ProviderReportList } from './ProviderReportList';
import { ProviderReportShow } from './ProviderReportShow';

const providerReports: ResourceModule = {
  list: ProviderReportList,
  show: ProviderReportShow,
  create: ProviderReportCreate,
  icon: AssignmentTurnedInIcon,
  recordRepresentation: 'project',
  menuGroup: 'programme',
};

export default providerReports;
