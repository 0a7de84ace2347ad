import { Create, useNotify, useRedirect, useTranslate, type HttpError, type RaRecord } from 'react-admin';
import { useErrorText } from '../../components/problem/parse-problem';
import { UserForm, toCreateBody } from './UserForm';

/** HQ (any role) or regional staff (school accounts of their regions) create an account; its owner is invited by mail. */
export function UserCreate() {
  const notify = useNotify();
  const translate = useTranslate();
  const errorText = useErrorText();
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
        onError: (error: unknown) => {
          if ((error as HttpError)?.body?.errors) return;
          const message = errorText(error) || 'ra.notification.http_error';
          notify(message, { type: 'error', messageArgs: { _: message }, multiLine: true });
        },
      }}
    >
      <UserForm creating defaultValues={{ locale: 'zh' }} />
    </Create>
  );
}
