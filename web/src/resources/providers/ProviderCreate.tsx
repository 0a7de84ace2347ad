import { Create, useNotify, useTranslate, type HttpError } from 'react-admin';
import { useErrorText } from '../../components/problem/parse-problem';
import { ProviderForm, toCreateBody } from './ProviderForm';

/** HQ adds a service provider, with the schools it serves. */
export function ProviderCreate() {
  const notify = useNotify();
  const translate = useTranslate();
  const errorText = useErrorText();
  return (
    <Create
      title={translate('app.provider_admin.create_title')}
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
      <ProviderForm defaultValues={{ schoolIds: [] }} />
    </Create>
  );
}
