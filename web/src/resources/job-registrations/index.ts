import JobIcon from '@mui/icons-material/WorkOutlined';
import type { ResourceModule } from '../types';
import { importRoute } from '../../components/import';
import { JobRegistrationList } from './JobRegistrationList';
import { JobRegistrationCreate, JobRegistrationEdit, JobRegistrationShow } from './JobRegistrationPages';

const jobRegistrations: ResourceModule = {
  list: JobRegistrationList,
  create: JobRegistrationCreate,
  edit: JobRegistrationEdit,
  show: JobRegistrationShow,
  icon: JobIcon,
  recordRepresentation: (r) => r.studentName ?? `#${r.id}`,
  menuGroup: 'facts',
  routes: importRoute('job-registrations'),
};

export default jobRegistrations;
