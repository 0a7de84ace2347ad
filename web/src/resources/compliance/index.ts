import ComplianceIcon from '@mui/icons-material/FactCheck';
import type { ResourceModule } from '../types';
import { lazyPage } from '../../lazy-page';

const ComplianceList = lazyPage(() => import('./ComplianceList'), 'ComplianceList');
const ComplianceShow = lazyPage(() => import('./ComplianceShow'), 'ComplianceShow');

/** One row per agreement and agreement year (id "<agreementId>-<year>"); read-only, computed by the server. */
const compliance: ResourceModule = {
  list: ComplianceList,
  show: ComplianceShow,
  icon: ComplianceIcon,
  recordRepresentation: (record) => `${record.schoolName} · ${record.year}`,
  menuGroup: 'programme',
};

export default compliance;
