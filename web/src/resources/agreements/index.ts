import HandshakeIcon from '@mui/icons-material/Handshake';
import type { ResourceModule } from '../types';
import { AgreementList } from './AgreementList';
import { AgreementShow } from './AgreementShow';
import { ExistingAgreementCreate } from './ExistingAgreementCreate';
import { agreementImportRoute } from './AgreementImport';

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
