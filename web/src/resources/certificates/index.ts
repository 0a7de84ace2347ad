import CertificateIcon from '@mui/icons-material/WorkspacePremium';
import type { ResourceModule } from '../types';
import { lazyPage } from '../../lazy-page';
import { importRoute } from '../../components/import/importRoute';

const CertificateList = lazyPage(() => import('./CertificateList'), 'CertificateList');
const CertificateCreate = lazyPage(() => import('./CertificatePages'), 'CertificateCreate');
const CertificateEdit = lazyPage(() => import('./CertificatePages'), 'CertificateEdit');
const CertificateShow = lazyPage(() => import('./CertificatePages'), 'CertificateShow');

const certificates: ResourceModule = {
  list: CertificateList,
  create: CertificateCreate,
  edit: CertificateEdit,
  show: CertificateShow,
  icon: CertificateIcon,
  recordRepresentation: (r) => `${r.studentName ?? ''} ${r.certNo ?? ''}`.trim(),
  menuGroup: 'facts',
  routes: importRoute('certificates', { upsert: true }),
};

export default certificates;
