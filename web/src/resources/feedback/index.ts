import FeedbackIcon from '@mui/icons-material/Feedback';
import type { ResourceModule } from '../types';
import { lazyPage } from '../../lazy-page';

const FeedbackCreate = lazyPage(() => import('./FeedbackCreate'), 'FeedbackCreate');
const FeedbackList = lazyPage(() => import('./FeedbackList'), 'FeedbackList');
const FeedbackShow = lazyPage(() => import('./FeedbackShow'), 'FeedbackShow');

const feedback: ResourceModule = {
  list: FeedbackList,
  show: FeedbackShow,
  create: FeedbackCreate,
  icon: FeedbackIcon,
  recordRepresentation: 'subject',
  menuGroup: 'programme',
};

export default feedback;
