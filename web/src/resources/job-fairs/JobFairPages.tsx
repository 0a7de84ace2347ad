import { DateInput, NumberField, NumberInput, ReferenceField, SimpleForm, TextField, TextInput, minValue, required } from 'react-admin';
import { LocalDateField } from '../../components/fields';
import { FactCreate, FactEdit, FactShow } from '../../components/facts/FactPages';
import { RecordEvidence } from '../../components/evidence/RecordEvidence';

function JobFairForm() {
  return (
    <SimpleForm sx={{ maxWidth: 640 }}>
      <TextInput source="title" validate={required()} fullWidth />
      <DateInput source="heldOn" validate={required()} />
      <NumberInput source="employers" validate={minValue(0)} min={0} step={1} />
      <NumberInput source="attendance" validate={minValue(0)} min={0} step={1} />
    </SimpleForm>
  );
}

export const JobFairCreate = () => <FactCreate><JobFairForm /></FactCreate>;
export const JobFairEdit = () => (
  <FactEdit>
    <JobFairForm />
    <RecordEvidence heading entityType="job_fair" resource="job-fairs" help="app.evidence.job_fair_help" />
  </FactEdit>
);
export const JobFairShow = () => (
  <FactShow>
    <ReferenceField source="schoolId" reference="schools" link="show" />
    <TextField source="title" />
    <LocalDateField source="heldOn" />
    <NumberField source="employers" />
    <NumberField source="attendance" />
    <RecordEvidence label="app.evidence.title" entityType="job_fair" resource="job-fairs" help="app.evidence.job_fair_help" />
  </FactShow>
);
