import ReplayIcon from '@mui/icons-material/Replay';
import { useState } from 'react';
import { Button, useNotify, useRecordContext, useRefresh } from 'react-admin';
import { httpClient } from '../../providers/httpClient';
import { apiUrl } from '../../providers/dataProvider';

/** Sends a failed (or waiting) mail again now: POST /api/mail-outbox/:id/actions/retry. Not for a sent mail. */
export function RetryMailButton() {
  const record = useRecordContext<{ id: number; status: string }>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [busy, setBusy] = useState(false);
  if (!record || record.status === 'sent') return null;
  const retry = async () => {
    setBusy(true);
    try {
      await httpClient(apiUrl(`/mail-outbox/${record.id}/actions/retry`), { method: 'POST', body: '{}' });
      notify('app.mail.retried', { type: 'success' });
      refresh();
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return <Button label="app.mail.retry" onClick={retry} disabled={busy}><ReplayIcon /></Button>;
}
