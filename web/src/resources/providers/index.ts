import HandshakeIcon from '@mui/icons-material/Handshake';
import type { ResourceModule } from '../types';
import { ProviderList } from './ProviderList';
import { ProviderShow } from './ProviderShow';

const providers: ResourceModule = {
  list: ProviderList,
  show: ProviderShow,
  icon: HandshakeIcon,
  recordRepresentation: 'name',
  menuGroup: 'programme',
};

export default providers;
