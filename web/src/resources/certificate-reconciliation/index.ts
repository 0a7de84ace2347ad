import FactCheckIcon from '@mui/icons-material/FactCheck';
import type { ResourceModule } from '../types';
import { lazyPage } from '../../lazy-page';

const ReconciliationList = lazyPage(() => import('./ReconciliationList'), 'ReconciliationList');

/** The reconciliation of certificate numbers (issue 18 item 4): HQ, and regional staff for their regions. */
const certificateReconciliation: ResourceModule = {
  list: ReconciliationList,
  icon: FactCheckIcon,
  menuGroup: 'programme',
};

export default certificateReconciliation;
