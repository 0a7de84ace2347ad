import MapIcon from '@mui/icons-material/Map';
import type { ResourceModule } from '../types';
import { RegionList } from './RegionList';

const regions: ResourceModule = {
  list: RegionList,
  icon: MapIcon,
  recordRepresentation: 'nameZh',
  menuGroup: 'programme',
};

export default regions;
