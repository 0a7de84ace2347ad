import HandshakeIcon from '@mui/icons-material/Handshake';
import type { ResourceModule } from '../types';
import { ProviderList } from './ProviderList';
import { ProviderShow } from './ProviderShow';
import { ProviderEdit } from './ProviderEdit';
import { ProviderCreate } from './ProviderCreate';

/** Edit and create are registered only for roles the permissions table lets edit/create (HQ). */
const providers: ResourceModule = {
  list: ProviderList,
  show: ProviderShow,
  edit: ProviderEdit,
  create: ProviderCreate,
  icon: HandshakeIcon,
  recordRepresentation: 'name',
  menuGroup: 'programme',
};

export default providers;
export { SchoolProvidersPanel } from './SchoolProvidersPanel';
