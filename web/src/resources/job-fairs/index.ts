import FairIcon from '@mui/icons-material/Storefront';
import type { ResourceModule } from '../types';
import { lazyPage } from '../../lazy-page';

const JobFairList = lazyPage(() => import('./JobFairList'), 'JobFairList');
const JobFairCreate = lazyPage(() => import('./JobFairPages'), 'JobFairCreate');
const JobFairEdit = lazyPage(() => import('./JobFairPages'), 'JobFairEdit');
const JobFairShow = lazyPage(() => import('./JobFairPages'), 'JobFairShow');

const jobFairs: ResourceModule = {
  list: JobFairList,
  create: JobFairCreate,
  edit: JobFairEdit,
  show: JobFairShow,
  icon: FairIcon,
  recordRepresentation: 'title',
  menuGroup: 'facts',
};

export default jobFairs;
