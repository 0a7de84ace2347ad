import DoneIcon from '@mui/icons-material/Done';
import { usePermissions } from 'react-admin';
import { BulkActionButton } from './BulkActionButton';
import { closeFeedback } from './bulkApi';

/** The feedback list's bulk action for HQ: close the selected feedback (each with the version shown). */
export function CloseFeedbackButton() {
  const { permissions } = usePermissions<{ role?: string } | string>();
  const role = typeof permissions === 'string' ? permissions : permissions?.role;
  if (role !== 'hq') return null;
  return (
    <BulkActionButton
      resource="feedback"
      label="app.bulk.close_feedback"
      icon={<DoneIcon />}
      title="app.bulk.close_feedback_title"
      run={async (dp, _ids, records) => {
        const open = records.filter((r) => r.status !== 'closed').map((r) => ({ id: Number(r.id), version: Number(r.version) }));
        return open.length ? closeFeedback(dp, open) : 0;
      }}
      done="app.bulk.closed_feedback"
    />
  );
}
