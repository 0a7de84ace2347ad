import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import { useState } from 'react';
import { Edit, useNotify, useRecordContext, useRedirect, useRefresh, useTranslate, type HttpError } from 'react-admin';
import { isConflict, useErrorText } from '../../components/problem/parse-problem';
import { ProviderForm, toUpdateBody } from './ProviderForm';
import type { Provider } from './scorecard';

function EditTitle() {
  const record = useRecordContext<Provider>();
  const translate = useTranslate();
  return record ? <span>{translate('app.provider_admin.edit_title', { name: record.name })}</span> : null;
}

/**
 * HQ edits a provider: contact, active, and its schools (the whole set, which the save replaces).
 * The save sends the version read; when someone else saved first (409) the page says so, keeps
 * what was typed and offers to reload.
 */
export function ProviderEdit() {
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
        onSuccess: (data: Provider) => {
          setConflict(false);
          notify('ra.notification.updated', { messageArgs: { smart_count: 1 } });
          redirect('show', 'providers', data.id);
        },
      }}
    >
      {conflict ? (
        <Alert
          severity="warning"
          sx={{ m: 2, mb: 0 }}
          action={<Button color="inherit" size="small" onClick={() => { setConflict(false); refresh(); }}>{translate('app.errors.reload')}</Button>}
        >
          {translate('app.provider_admin.stale')}
        </Alert>
      ) : null}
      <ProviderForm edit />
    </Edit>
  );
}
