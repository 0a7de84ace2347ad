import Button from '@mui/material/Button';
import { useState } from 'react';
import { Confirm, useCanAccess, useDataProvider, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { useErrorText } from '../../components/problem/parse-problem';

export interface UserLike { id: number; name: string; email: string; active: boolean; invitationPending: boolean; version: number }

type Action = 'deactivate' | 'reactivate' | 'resend_invitation';
const words: Record<Action, string> = { deactivate: 'deactivate', reactivate: 'reactivate', resend_invitation: 'resend' };
const done: Record<Action, string> = { deactivate: 'deactivated', reactivate: 'reactivated', resend_invitation: 'resent' };

/** One account action behind a confirmation: POST /api/users/:id/actions/<action> with the version read. */
function UserActionButton({ action, color }: { action: Action; color: 'error' | 'success' | 'primary' }) {
  const record = useRecordContext<UserLike>();
  const translate = useTranslate();
  const dataProvider = useDataProvider();
  const notify = useNotify();
  const refresh = useRefresh();
  const errorText = useErrorText();
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  if (!record) return null;
  const word = words[action];
  const run = async () => {
    setPending(true);
    try {
      await dataProvider.create(`users/${record.id}/actions/${action}`, { data: { version: record.version } });
      notify(`app.user_admin.${done[action]}`, { type: 'info', messageArgs: { name: record.name, email: record.email } });
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
      <Button size="small" color={color} variant="outlined" disabled={pending} onClick={() => setOpen(true)}>
        {translate(`app.user_admin.${word}`)}
      </Button>
      <Confirm
        isOpen={open}
        loading={pending}
        title={translate(`app.user_admin.${word}_title`)}
        content={translate(`app.user_admin.${word}_confirm`, { name: record.name, email: record.email })}
        onConfirm={run}
        onClose={() => setOpen(false)}
      />
    </>
  );
}

/** The account's buttons on its page: resend the invitation (while active), deactivate or reactivate. */
export function UserActions() {
  const record = useRecordContext<UserLike>();
  const { canAccess } = useCanAccess({ resource: 'users', action: 'edit' });
  if (!record || !canAccess) return null;
  return (
    <>
      {record.active ? <UserActionButton action="resend_invitation" color="primary" /> : null}
      {record.active ? <UserActionButton action="deactivate" color="error" /> : <UserActionButton action="reactivate" color="success" />}
    </>
  );
}

/** Active, deactivated, or invited and waiting for its password. */
export function userStatusKey(record: Pick<UserLike, 'active' | 'invitationPending'>) {
  if (!record.active) return 'app.user_admin.status_inactive';
  return record.invitationPending ? 'app.user_admin.status_invited' : 'app.user_admin.status_active';
}
