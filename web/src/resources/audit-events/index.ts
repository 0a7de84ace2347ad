import HistoryIcon from '@mui/icons-material/History';
import type { ResourceModule } from '../types';
import { lazyPage } from '../../lazy-page';

const AuditEventList = lazyPage(() => import('./AuditEventList'), 'AuditEventList');

const auditEvents: ResourceModule = {
  list: AuditEventList,
  icon: HistoryIcon,
  menuGroup: 'administration',
};

export default auditEvents;
