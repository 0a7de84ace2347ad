import { useCanAccess, useRecordContext, useTranslate } from 'react-admin';
import { ConfirmedActionButton } from '../../components/workflow/ConfirmedActionButton';

export interface UserLike { id: number; name: string; email: string; active: boolean; invitationPending: boolean; version: number }

type Action = 'deactivate' | 'reactivate' | 'resend_invitation';
const words: Record<Action, string> = { deactivate: 'deactivate', reactivate: 'reactivate', resend_invitation: 'resend' };
const done: Record<Action, string> = { deactivate: 'deactivated', reactivate: 'reactivated', resend_invitation: 'resent' };

/** One account action behind a confirmation: POST /api/users/:id/actions/<action> with the version read. */
function UserActionButton({ action, color }: { action: Action; color: 'error' | 'success' | 'primary' }) {
  const record = useRecordContext<UserLike>();
  const translate = useTranslate();
  if (!record) return null;
  const word = words[action];
  return (
    <ConfirmedActionButton
      resource="users" record={record} action={action} color={color}
      label={translate(`app.user_admin.${word}`)}
      title={translate(`app.user_admin.${word}_title`)}
      content={translate(`app.user_admin.${word}_confirm`, { name: record.name, email: record.email })}
      done={{ message: `app.user_admin.${done[action]}`, args: { name: record.name, email: record.email } }}
    />
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
