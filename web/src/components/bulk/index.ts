export { BulkActionButton } from './BulkActionButton';
export { MarkStudentsLeftButton } from './MarkStudentsLeftButton';
export { CloseFeedbackButton } from './CloseFeedbackButton';
