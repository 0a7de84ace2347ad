import LibraryAddIcon from '@mui/icons-material/LibraryAdd';
import type { ResourceModule } from '../types';
import { ContentProposalCreate } from './ContentProposalCreate';
import { ContentProposalList } from './ContentProposalList';
import { ContentProposalShow } from './ContentProposalShow';

const contentProposals: ResourceModule = {
  list: ContentProposalList,
  show: ContentProposalShow,
  create: ContentProposalCreate,
  icon: LibraryAddIcon,
  recordRepresentation: 'title',
  menuGroup: 'programme',
};

export default contentProposals;
