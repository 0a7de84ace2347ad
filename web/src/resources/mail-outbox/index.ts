import MailIcon from '@mui/icons-material/Mail';
import type { ResourceModule } from '../types';
import { lazyPage } from '../../lazy-page';

const MailOutboxList = lazyPage(() => import('./MailOutboxList'), 'MailOutboxList');
const MailOutboxShow = lazyPage(() => import('./MailOutboxShow'), 'MailOutboxShow');

/** The outbox: every mail the product wrote, and how its delivery went (HQ only, by the permissions table). */
const mailOutbox: ResourceModule = {
  list: MailOutboxList,
  show: MailOutboxShow,
  icon: MailIcon,
  recordRepresentation: 'subject',
  menuGroup: 'administration',
};

export default mailOutbox;
