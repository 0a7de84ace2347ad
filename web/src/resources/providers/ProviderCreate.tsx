import { Create, useTranslate } from 'react-admin';
import { useNotifySaveError } from '../../components/problem/use-notify-save-error';
import { ProviderForm, toCreateBody } from './ProviderForm';

/** HQ adds a service provider, with the schools it serves. */
export function ProviderCreate() {
  const translate = useTranslate();
  const notifySaveError = useNotifySaveError();
  return (
    <Create
      title={translate('app.provider_admin.create_title')}
      transform={toCreateBody}
      redirect="show"
      mutationOptions={{
        onError: notifySaveError,
      }}
    >
      <ProviderForm defaultValues={{ schoolIds: [] }} />
    </Create>
  );
}
