import MapIcon from '@mui/icons-material/Map';
import type { ResourceModule } from '../types';
import { lazyPage } from '../../lazy-page';

const RegionList = lazyPage(() => import('./RegionList'), 'RegionList');
const RegionEdit = lazyPage(() => import('./RegionEdit'), 'RegionEdit');

const regions: ResourceModule = {
  list: RegionList,
  edit: RegionEdit,
  icon: MapIcon,
  recordRepresentation: 'nameZh',
  menuGroup: 'programme',
};

export default regions;
