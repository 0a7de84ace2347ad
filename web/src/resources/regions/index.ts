import MapIcon from '@mui/icons-material/Map';
import type { ResourceModule } from '../types';
import { RegionList } from './RegionList';
import { RegionEdit } from './RegionEdit';

const regions: ResourceModule = {
  list: RegionList,
  edit: RegionEdit,
  icon: MapIcon,
  recordRepresentation: 'nameZh',
  menuGroup: 'programme',
};

export default regions;
