import MailIcon from '@mui/icons-material/Mail';
import type { ResourceModule } from '../types';
import { MailOutboxList } from './MailOutboxList';
import { MailOutboxShow } from './MailOutboxShow';

/** The outbox: every mail the product wrote, and how its delivery went (HQ only, by the permissions table). */
const mailOutbox: ResourceModule = {
  list: MailOutboxList,
  show: MailOutboxShow,
  icon: MailIcon,
  recordRepresentation: 'subject',
  menuGroup: 'administration',
};

export default mailOutbox;
