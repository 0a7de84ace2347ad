import CertificateIcon from '@mui/icons-material/WorkspacePremium';
import type { ResourceModule } from '../types';
import { importRoute } from '../../components/import';
import { CertificateList } from './CertificateList';
import { CertificateCreate, CertificateEdit, CertificateShow } from './CertificatePages';

const certificates: ResourceModule = {
  list: CertificateList,
  create: CertificateCreate,
  edit: CertificateEdit,
  show: CertificateShow,
  icon: CertificateIcon,
  recordRepresentation: (r) => `${r.studentName ?? ''} ${r.certNo ?? ''}`.trim(),
  menuGroup: 'facts',
  routes: importRoute('certificates'),
};

export default certificates;
