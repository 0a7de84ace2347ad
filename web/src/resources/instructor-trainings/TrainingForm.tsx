import { DateInput, NumberInput, SelectInput, SimpleForm, TextInput, maxValue, minValue, number, required } from 'react-admin';
import { useVocabularyChoices } from '../../components/choices';
import { withoutEmpty } from '../../components/forms';
import { levels } from './training-types';

/** The fields HQ sets on a training (the server checks them again: dates in order, validity 1-120 months). */
export function TrainingForm({ edit = false }: { edit?: boolean }) {
  const levelChoices = useVocabularyChoices(levels, 'app.cert_level');
  return (
    <SimpleForm sx={{ maxWidth: 640 }} defaultValues={edit ? undefined : { validityMonths: 36 }}>
      <TextInput source="title" validate={required()} fullWidth />
      <SelectInput source="level" choices={levelChoices} validate={required()} />
      <DateInput source="startsOn" validate={required()} />
      <DateInput source="endsOn" validate={required()} />
      <TextInput source="location" fullWidth />
      <NumberInput source="validityMonths" validate={[required(), number(), minValue(1), maxValue(120)]} step={1} />
    </SimpleForm>
  );
}

const fields = ['title', 'level', 'startsOn', 'endsOn', 'location', 'validityMonths'] as const;
const pick = (data: Record<string, unknown>) => Object.fromEntries(fields.map((f) => [f, data[f]]));

export const toCreateBody = (data: Record<string, unknown>) => withoutEmpty(pick(data));
export const toUpdateBody = (data: Record<string, unknown>) => ({ ...pick(data), location: data.location || null, version: data.version });
