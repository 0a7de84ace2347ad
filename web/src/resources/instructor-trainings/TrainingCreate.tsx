import { Create, useTranslate } from 'react-admin';
import { useNotifySaveError } from '../../components/problem/use-notify-save-error';
import { TrainingForm, toCreateBody } from './TrainingForm';

/** HQ records a training (its participants are added on its page once it has ended). */
export function TrainingCreate() {
  const translate = useTranslate();
  const notifySaveError = useNotifySaveError();
  return (
    <Create
      title={translate('ra.page.create', { name: translate('resources.instructor-trainings.name', { smart_count: 1 }) })}
      transform={toCreateBody}
      redirect="show"
      mutationOptions={{
        onError: notifySaveError,
      }}
    >
      <TrainingForm />
    </Create>
  );
}
