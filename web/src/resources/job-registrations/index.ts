import JobIcon from '@mui/icons-material/WorkOutlined';
import type { ResourceModule } from '../types';
import { lazyPage } from '../../lazy-page';
import { importRoute } from '../../components/import/importRoute';

const JobRegistrationList = lazyPage(() => import('./JobRegistrationList'), 'JobRegistrationList');
const JobRegistrationCreate = lazyPage(() => import('./JobRegistrationPages'), 'JobRegistrationCreate');
const JobRegistrationEdit = lazyPage(() => import('./JobRegistrationPages'), 'JobRegistrationEdit');
const JobRegistrationShow = lazyPage(() => import('./JobRegistrationPages'), 'JobRegistrationShow');

const jobRegistrations: ResourceModule = {
  list: JobRegistrationList,
  create: JobRegistrationCreate,
  edit: JobRegistrationEdit,
  show: JobRegistrationShow,
  icon: JobIcon,
  recordRepresentation: (r) => r.studentName ?? `#${r.id}`,
  menuGroup: 'facts',
  routes: importRoute('job-registrations', { upsert: true }),
};

export default jobRegistrations;
