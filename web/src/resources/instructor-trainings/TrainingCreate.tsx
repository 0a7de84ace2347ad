import { Create, useNotify, useTranslate, type HttpError } from 'react-admin';
import { useErrorText } from '../../components/problem/parse-problem';
import { TrainingForm, toCreateBody } from './TrainingForm';

/** HQ records a training (its participants are added on its page once it has ended). */
export function TrainingCreate() {
  const notify = useNotify();
  const translate = useTranslate();
  const errorText = useErrorText();
  return (
    <Create
      title={translate('ra.page.create', { name: translate('resources.instructor-trainings.name', { smart_count: 1 }) })}
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
      <TrainingForm />
    </Create>
  );
}
