import Button from '@mui/material/Button';
import { useState } from 'react';
import { Confirm, useCanAccess, useDataProvider, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { useErrorText } from '../../components/problem/parse-problem';

interface SchoolLike { id: number; name: string; active: boolean; version: number }

/**
 * HQ deactivates a school (it keeps every record; a school with records is never deleted) or
 * reactivates it: POST /api/schools/:id/actions/deactivate|reactivate with the version read.
 */
export function SchoolActiveButton() {
  const record = useRecordContext<SchoolLike>();
  const translate = useTranslate();
  const dataProvider = useDataProvider();
  const notify = useNotify();
  const refresh = useRefresh();
  const errorText = useErrorText();
  const { canAccess } = useCanAccess({ resource: 'schools', action: 'edit' });
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  if (!record || !canAccess || record.active === undefined) return null;
  const action = record.active ? 'deactivate' : 'reactivate';
  const run = async () => {
    setPending(true);
    try {
      await dataProvider.create(`schools/${record.id}/actions/${action}`, { data: { version: record.version } });
      notify(`app.school_admin.${action}d`, { type: 'info', messageArgs: { name: record.name } });
      refresh();
    } catch (error) {
      const message = errorText(error) || 'ra.notification.http_error';
      notify(message, { type: 'error', messageArgs: { _: message } });
    } finally {
      setPending(false);
      setOpen(false);
    }
  };
  return (
    <>
      <Button size="small" color={record.active ? 'error' : 'success'} variant="outlined" disabled={pending} onClick={() => setOpen(true)}>
        {translate(`app.school_admin.${action}`)}
      </Button>
      <Confirm
        isOpen={open}
        loading={pending}
        title={translate(`app.school_admin.${action}_title`)}
        content={translate(`app.school_admin.${action}_confirm`, { name: record.name })}
        onConfirm={run}
        onClose={() => setOpen(false)}
      />
    </>
  );
}
