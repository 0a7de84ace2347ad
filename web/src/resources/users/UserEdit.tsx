import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import { useState } from 'react';
import { Edit, useNotify, useRecordContext, useRedirect, useRefresh, useTranslate, type HttpError } from 'react-admin';
import { isConflict, useErrorText } from '../../components/problem/parse-problem';
import { UserForm, toUpdateBody } from './UserForm';

function EditTitle() {
  const record = useRecordContext<{ name: string }>();
  const translate = useTranslate();
  return record ? <span>{translate('app.user_admin.edit_title', { name: record.name })}</span> : null;
}

/** Edits an account (versioned: when someone else saved first, the page says so and offers to reload). */
export function UserEdit() {
  const notify = useNotify();
  const refresh = useRefresh();
  const redirect = useRedirect();
  const translate = useTranslate();
  const errorText = useErrorText();
  const [conflict, setConflict] = useState(false);
  return (
    <Edit
      title={<EditTitle />}
      mutationMode="pessimistic"
      transform={toUpdateBody}
      mutationOptions={{
        onError: (error: unknown) => {
          if (isConflict(error)) setConflict(true);
          if ((error as HttpError)?.body?.errors) return;
          const message = errorText(error) || 'ra.notification.http_error';
          notify(message, { type: 'error', messageArgs: { _: message }, multiLine: true });
        },
        onSuccess: (data: { id: number }) => {
          setConflict(false);
          notify('ra.notification.updated', { messageArgs: { smart_count: 1 } });
          redirect('show', 'users', data.id);
        },
      }}
    >
      {conflict ? (
        <Alert
          severity="warning"
          sx={{ m: 2, mb: 0 }}
          action={<Button color="inherit" size="small" onClick={() => { setConflict(false); refresh(); }}>{translate('app.errors.reload')}</Button>}
        >
          {translate('app.user_admin.stale')}
        </Alert>
      ) : null}
      <UserForm />
    </Edit>
  );
}
