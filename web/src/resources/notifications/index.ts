import NotificationsIcon from '@mui/icons-material/Notifications';
import type { ResourceModule } from '../types';
import { NotificationList } from './NotificationList';

const notifications: ResourceModule = {
  list: NotificationList,
  icon: NotificationsIcon,
  menuGroup: 'administration',
};

export default notifications;
