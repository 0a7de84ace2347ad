import PlaceIcon from '@mui/icons-material/Place';
import type { ResourceModule } from '../types';
import { lazyPage } from '../../lazy-page';

const ExamSiteList = lazyPage(() => import('./ExamSiteList'), 'ExamSiteList');
const ExamSiteShow = lazyPage(() => import('./ExamSiteShow'), 'ExamSiteShow');
const ExamSiteCreate = lazyPage(() => import('./ExamSiteForm'), 'ExamSiteCreate');
const ExamSiteEdit = lazyPage(() => import('./ExamSiteForm'), 'ExamSiteEdit');

const examSites: ResourceModule = {
  list: ExamSiteList,
  show: ExamSiteShow,
  create: ExamSiteCreate,
  edit: ExamSiteEdit,
  icon: PlaceIcon,
  recordRepresentation: 'name',
  menuGroup: 'programme',
};

export default examSites;
