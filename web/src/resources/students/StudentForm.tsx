import { useEffect, useRef } from 'react';
import Stack from '@mui/material/Stack';
import { useFormContext, useWatch } from 'react-hook-form';
import {
  DateInput,
  NumberInput,
  SelectInput,
  SimpleForm,
  TextInput,
  maxValue,
  minValue,
  required,
  useTranslate,
} from 'react-admin';
import { useVocabularyChoices } from '../../components/choices';

/** Enrolled on 1 September of the cohort year unless the user writes another date (API.md). */
function EnrolledOnInput() {
  const translate = useTranslate();
  const { setValue, getFieldState } = useFormContext();
  const cohortYear = useWatch({ name: 'cohortYear' }) as number | null | undefined;
  const first = useRef(true);
  useEffect(() => {
    // Not on the first render: an edited student keeps its stored date.
    if (first.current) {
      first.current = false;
      return;
    }
    if (getFieldState('enrolledOn').isDirty) return;
    if (typeof cohortYear === 'number' && cohortYear >= 1990 && cohortYear <= 2100) setValue('enrolledOn', `${cohortYear}-09-01`);
  }, [cohortYear, getFieldState, setValue]);
  return <DateInput source="enrolledOn" helperText={translate('app.facts.enrolled_default')} />;
}

export function StudentForm() {
  const reasons = useVocabularyChoices(['graduated', 'withdrew'], 'app.left_reason');
  return (
    <SimpleForm sx={{ maxWidth: 720 }}>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ width: '100%' }}>
        <TextInput source="studentNo" validate={required()} />
        <TextInput source="name" validate={required()} />
      </Stack>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ width: '100%' }}>
        <NumberInput source="cohortYear" validate={[required(), minValue(1990), maxValue(2100)]} step={1} />
        <EnrolledOnInput />
      </Stack>
      <TextInput source="major" fullWidth />
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ width: '100%' }}>
        <DateInput source="leftOn" />
        <SelectInput source="leftReason" choices={reasons} parse={(v: string) => (v === "" ? null : v)} sx={{ minWidth: 180 }} />
      </Stack>
    </SimpleForm>
  );
}
