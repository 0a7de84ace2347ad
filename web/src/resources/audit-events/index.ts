import HistoryIcon from '@mui/icons-material/History';
import type { ResourceModule } from '../types';
import { AuditEventList } from './AuditEventList';

const auditEvents: ResourceModule = {
  list: AuditEventList,
  icon: HistoryIcon,
  menuGroup: 'administration',
};

export default auditEvents;
