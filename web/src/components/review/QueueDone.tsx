import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import DoneAllIcon from '@mui/icons-material/DoneAll';
import { Link as RouterLink, useLocation } from 'react-router-dom';
import { useTranslate } from 'react-admin';

/** The page was reached by acting on the last record of the reviewer's queue (useNextInQueue's `queueDone` state). */
export function useQueueDone() {
  return (useLocation().state as { queueDone?: boolean } | null)?.queueDone === true;
}

/** The reviewer acted on the last record of their queue of `resource`. */
export function QueueDone({ resource }: { resource: 'applications' | 'agreements' | 'evaluations' }) {
  const translate = useTranslate();
  return (
    <Alert
      severity="success"
      icon={<DoneAllIcon />}
      sx={{ mb: 2 }}
      data-testid="queue-done"
      action={<Button color="inherit" component={RouterLink} to={`/${resource}`}>{translate('app.review.back_to_queue')}</Button>}
    >
      <strong>{translate('app.review.queue_done')}</strong>{' '}
      {translate(resource === 'applications' ? 'app.review.queue_done_body' : `app.review.queue_done_body_${resource}`)}
    </Alert>
  );
}
