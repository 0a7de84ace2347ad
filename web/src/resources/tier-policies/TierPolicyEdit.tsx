import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import { useState } from 'react';
import {
  Edit,
  useNotify,
  useRecordContext,
  useRedirect,
  useRefresh,
  useTranslate,
  type HttpError,
} from 'react-admin';
import { TierChip } from '../../components/chips';
import { kindOf, useErrorText } from '../../components/problem/parse-problem';
import { TierPolicyForm } from './TierPolicyForm';
import { WhatIfPanel } from './WhatIfPanel';
import { toUpdateBody, type TierPolicy } from '../../components/policy/thresholds';

function EditTitle() {
  const record = useRecordContext<TierPolicy>();
  const translate = useTranslate();
  if (!record) return null;
  return <span>{translate('app.policy.edit_title', { tier: translate(`app.tier.${record.tier}`), year: record.effectiveYear })}</span>;
}

/**
 * HQ edits a policy. The save sends the version it read; when someone else saved first, the
 * server answers 409 and says so: that message stays on screen with a reload button, and the
 * form keeps what was typed.
 */
export function TierPolicyEdit() {
  const notify = useNotify();
  const refresh = useRefresh();
  const redirect = useRedirect();
  const translate = useTranslate();
  const [conflict, setConflict] = useState<string | null>(null);
  const errorText = useErrorText();

  const onError = (error: unknown) => {
    const message = errorText(error) || 'ra.notification.http_error';
    if (kindOf(error) === 'stale_version' || (error as HttpError)?.status === 409) {
      setConflict(message);
      window.scrollTo({ top: 0, behavior: 'smooth' });
    }
    // With field errors (body.errors) the form marks the inputs and shows the server's message itself.
    if ((error as HttpError)?.body?.errors) return;
    notify(message, { type: 'error', messageArgs: { _: message }, multiLine: true });
  };

  return (
    <Edit
      title={<EditTitle />}
      mutationMode="pessimistic"
      transform={toUpdateBody}
      mutationOptions={{
        onError,
        onSuccess: (data: TierPolicy) => {
          setConflict(null);
          notify('ra.notification.updated', { messageArgs: { smart_count: 1 } });
          redirect('show', 'tier-policies', data.id);
        },
      }}
    >
      {conflict ? (
        <Alert
          severity="warning"
          sx={{ m: 2, mb: 0 }}
          action={<Button color="inherit" size="small" onClick={() => { setConflict(null); refresh(); }}>{translate('app.errors.reload')}</Button>}
        >
          {translate('app.errors.stale_version')}
          <br />
          <small>{conflict}</small>
        </Alert>
      ) : null}
      <TierPolicyFormHeader />
      <TierPolicyForm preview={<WhatIfPanel />} />
    </Edit>
  );
}

function TierPolicyFormHeader() {
  const record = useRecordContext<TierPolicy>();
  if (!record) return null;
  return (
    <div style={{ padding: '16px 16px 0' }}>
      <TierChip tier={record.tier} size="medium" />
    </div>
  );
}
