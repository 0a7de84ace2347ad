import HandshakeIcon from '@mui/icons-material/Handshake';
import type { ResourceModule } from '../types';
import { AgreementList } from './AgreementList';
import { AgreementShow } from './AgreementShow';

const agreements: ResourceModule = {
  list: AgreementList,
  show: AgreementShow,
  icon: HandshakeIcon,
  recordRepresentation: (record) => `#${record.id} ${record.schoolName ?? ''}`.trim(),
  menuGroup: 'programme',
};

export default agreements;
