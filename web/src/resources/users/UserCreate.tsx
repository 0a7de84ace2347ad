import { Create, useNotify, useRedirect, useTranslate, type RaRecord } from 'react-admin';
import { useNotifySaveError } from '../../components/problem/use-notify-save-error';
import { UserForm, toCreateBody } from './UserForm';

/** HQ (any role) or regional staff (school accounts of their regions) create an account; its owner is invited by mail. */
export function UserCreate() {
  const notify = useNotify();
  const translate = useTranslate();
  const notifySaveError = useNotifySaveError();
  const redirect = useRedirect();
  return (
    <Create
      title={translate('ra.page.create', { name: translate('resources.users.name', { smart_count: 1 }) })}
      transform={toCreateBody}
      mutationOptions={{
        onSuccess: (data: RaRecord) => {
          notify('app.user_admin.created', { type: 'info', messageArgs: { email: data.email } });
          redirect('show', 'users', data.id);
        },
        onError: notifySaveError,
      }}
    >
      <UserForm creating defaultValues={{ locale: 'zh' }} />
    </Create>
  );
}
