import HandshakeIcon from '@mui/icons-material/Handshake';
import type { ResourceModule } from '../types';
import { lazyPage } from '../../lazy-page';

const ProviderList = lazyPage(() => import('./ProviderList'), 'ProviderList');
const ProviderShow = lazyPage(() => import('./ProviderShow'), 'ProviderShow');
const ProviderEdit = lazyPage(() => import('./ProviderEdit'), 'ProviderEdit');
const ProviderCreate = lazyPage(() => import('./ProviderCreate'), 'ProviderCreate');

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
