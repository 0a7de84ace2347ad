import NotificationsIcon from '@mui/icons-material/Notifications';
import type { ResourceModule } from '../types';
import { lazyPage } from '../../lazy-page';

const NotificationList = lazyPage(() => import('./NotificationList'), 'NotificationList');

const notifications: ResourceModule = {
  list: NotificationList,
  icon: NotificationsIcon,
  menuGroup: 'administration',
};

export default notifications;
