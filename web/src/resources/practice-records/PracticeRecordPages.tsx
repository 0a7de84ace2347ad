import {
  BooleanInput,
  DateInput,
  NumberField,
  NumberInput,
  ReferenceField,
  SimpleForm,
  TextField,
  TextInput,
  maxValue,
  minValue,
  required,
  usePermissions,
  useTranslate,
} from 'react-admin';
import { LocalDateField } from '../../components/fields';
import { FactCreate, FactEdit, FactShow } from '../../components/facts/FactPages';
import { RecordEvidence } from '../../components/evidence/RecordEvidence';
import { StudentField, StudentReferenceInput } from '../../components/facts/shared';
import { ConfirmedField, ProviderField } from './PracticeRecordList';

function PracticeRecordForm() {
  const translate = useTranslate();
  const { permissions: role } = usePermissions<string>();
  return (
    <SimpleForm sx={{ maxWidth: 640 }} defaultValues={role === 'school' ? { confirmed: true } : undefined}>
      <StudentReferenceInput />
      <TextInput source="project" validate={required()} fullWidth />
      <NumberInput source="hours" validate={[required(), minValue(0.5), maxValue(2000)]} step={0.5} />
      <DateInput source="practicedOn" validate={required()} />
      {/* Only the school confirms hours; a provider's records wait for it. */}
      {role === 'school' ? <BooleanInput source="confirmed" helperText={translate('app.facts.confirm_help')} /> : null}
    </SimpleForm>
  );
}

export const PracticeRecordCreate = () => <FactCreate><PracticeRecordForm /></FactCreate>;
export const PracticeRecordEdit = () => (
  <FactEdit>
    <PracticeRecordForm />
    <RecordEvidence heading entityType="practice_record" resource="practice-records" help="app.evidence.practice_record_help" />
  </FactEdit>
);
export const PracticeRecordShow = () => (
  <FactShow>
    <ReferenceField source="schoolId" reference="schools" link="show" />
    <StudentField source="studentId" />
    <TextField source="project" />
    <NumberField source="hours" />
    <LocalDateField source="practicedOn" />
    <ConfirmedField source="confirmed" />
    <ProviderField source="providerName" />
    <RecordEvidence label="app.evidence.title" entityType="practice_record" resource="practice-records" help="app.evidence.practice_record_help" />
  </FactShow>
);
