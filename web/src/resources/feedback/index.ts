import FeedbackIcon from '@mui/icons-material/Feedback';
import type { ResourceModule } from '../types';
import { FeedbackCreate } from './FeedbackCreate';
import { FeedbackList } from './FeedbackList';
import { FeedbackShow } from './FeedbackShow';

const feedback: ResourceModule = {
  list: FeedbackList,
  show: FeedbackShow,
  create: FeedbackCreate,
  icon: FeedbackIcon,
  recordRepresentation: 'subject',
  menuGroup: 'programme',
};

export default feedback;
