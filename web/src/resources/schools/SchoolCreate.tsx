import { Create, useTranslate } from 'react-admin';
import { useNotifySaveError } from '../../components/problem/use-notify-save-error';
import { SchoolForm, toCreateBody } from './SchoolForm';

/** HQ adds a school to the directory. */
export function SchoolCreate() {
  const translate = useTranslate();
  const notifySaveError = useNotifySaveError();
  return (
    <Create
      title={translate('app.school_admin.create_title')}
      transform={toCreateBody}
      redirect="show"
      mutationOptions={{
        onError: notifySaveError,
      }}
    >
      <SchoolForm defaultValues={{ kind: 'vocational' }} />
    </Create>
  );
}
