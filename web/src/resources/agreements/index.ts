import HandshakeIcon from '@mui/icons-material/Handshake';
import type { ResourceModule } from '../types';
import { lazyPage } from '../../lazy-page';
import { agreementImportRoute } from './AgreementImport';

const AgreementList = lazyPage(() => import('./AgreementList'), 'AgreementList');
const AgreementShow = lazyPage(() => import('./AgreementShow'), 'AgreementShow');
const ExistingAgreementCreate = lazyPage(() => import('./ExistingAgreementCreate'), 'ExistingAgreementCreate');

const agreements: ResourceModule = {
  list: AgreementList,
  show: AgreementShow,
  /** A partnership that began before the product (HQ: the permissions table lets only HQ create). */
  create: ExistingAgreementCreate,
  icon: HandshakeIcon,
  recordRepresentation: (record) => `#${record.id} ${record.schoolName ?? ''}`.trim(),
  menuGroup: 'programme',
  routes: agreementImportRoute,
};

export default agreements;
