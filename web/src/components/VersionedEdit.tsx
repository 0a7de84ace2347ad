import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import { useState, type ReactElement, type ReactNode } from 'react';
import { Edit, useNotify, useRedirect, useRefresh, useResourceContext, useTranslate } from 'react-admin';
import { isConflict } from './problem/parse-problem';
import { useNotifySaveError } from './problem/use-notify-save-error';

interface VersionedEditProps {
  title: ReactElement;
  /** The message key saying that someone else saved first. */
  staleKey: string;
  /** The form's values to the PUT body (which carries the version read). */
  transform: (data: Record<string, unknown>) => unknown;
  /** Where a save leads: the record's page (default) or the list. */
  redirectTo?: 'show' | 'list';
  children: ReactNode;
}

/**
 * An edit page of a versioned record: the save sends the version read (pessimistic, so the page
 * waits for the answer); when someone else saved first (409) the page says so, keeps what was typed
 * and offers to reload; field problems stay on their fields, others are notified in words.
 */
export function VersionedEdit({ title, staleKey, transform, redirectTo = 'show', children }: VersionedEditProps) {
  const resource = useResourceContext();
  const notify = useNotify();
  const refresh = useRefresh();
  const redirect = useRedirect();
  const translate = useTranslate();
  const notifySaveError = useNotifySaveError();
  const [conflict, setConflict] = useState(false);
  return (
    <Edit
      title={title}
      mutationMode="pessimistic"
      transform={transform}
      mutationOptions={{
        onError: (error: unknown) => {
          if (isConflict(error)) setConflict(true);
          notifySaveError(error);
        },
        onSuccess: (data: { id: number | string }) => {
          setConflict(false);
          notify('ra.notification.updated', { messageArgs: { smart_count: 1 } });
          redirect(redirectTo, resource, data.id);
        },
      }}
    >
      {conflict ? (
        <Alert
          severity="warning"
          sx={{ m: 2, mb: 0 }}
          action={<Button color="inherit" size="small" onClick={() => { setConflict(false); refresh(); }}>{translate('app.errors.reload')}</Button>}
        >
          {translate(staleKey)}
        </Alert>
      ) : null}
      {children}
    </Edit>
  );
}
