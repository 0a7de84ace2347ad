import { Create, useNotify, useTranslate, type HttpError } from 'react-admin';
import { useErrorText } from '../../components/problem/parse-problem';
import { SchoolForm, toCreateBody } from './SchoolForm';

/** HQ adds a school to the directory. */
export function SchoolCreate() {
  const notify = useNotify();
  const translate = useTranslate();
  const errorText = useErrorText();
  return (
    <Create
      title={translate('app.school_admin.create_title')}
      transform={toCreateBody}
      redirect="show"
      mutationOptions={{
        onError: (error: unknown) => {
          if ((error as HttpError)?.body?.errors) return;
          const message = errorText(error) || 'ra.notification.http_error';
          notify(message, { type: 'error', messageArgs: { _: message }, multiLine: true });
        },
      }}
    >
      <SchoolForm defaultValues={{ kind: 'vocational' }} />
    </Create>
  );
}
