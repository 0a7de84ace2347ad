import FairIcon from '@mui/icons-material/Storefront';
import type { ResourceModule } from '../types';
import { JobFairList } from './JobFairList';
import { JobFairCreate, JobFairEdit, JobFairShow } from './JobFairPages';

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
