import LibraryAddIcon from '@mui/icons-material/LibraryAdd';
import type { ResourceModule } from '../types';
import { lazyPage } from '../../lazy-page';

const ContentProposalCreate = lazyPage(() => import('./ContentProposalCreate'), 'ContentProposalCreate');
const ContentProposalList = lazyPage(() => import('./ContentProposalList'), 'ContentProposalList');
const ContentProposalShow = lazyPage(() => import('./ContentProposalShow'), 'ContentProposalShow');

const contentProposals: ResourceModule = {
  list: ContentProposalList,
  show: ContentProposalShow,
  create: ContentProposalCreate,
  icon: LibraryAddIcon,
  recordRepresentation: 'title',
  menuGroup: 'programme',
};

export default contentProposals;
