import { DateInput, NumberInput, ReferenceField, SimpleForm, TextField, TextInput, maxValue, minValue, required } from 'react-admin';
import { LocalDateField } from '../../components/fields';
import { FactCreate, FactEdit, FactShow } from '../../components/facts/FactPages';
import { StudentField, StudentReferenceInput } from '../../components/facts/shared';
import { DateListInput } from './DateListInput';
import { ApplicationsField, ResumeField } from './JobRegistrationList';

function JobRegistrationForm() {
  return (
    <SimpleForm sx={{ maxWidth: 640 }} defaultValues={{ applicationDates: [] }}>
      <StudentReferenceInput />
      <DateInput source="registeredOn" validate={required()} />
      <TextInput source="platformAccount" />
      <NumberInput source="resumeCompleteness" validate={[required(), minValue(0), maxValue(100)]} min={0} max={100} />
      <DateListInput source="applicationDates" />
    </SimpleForm>
  );
}

export const JobRegistrationCreate = () => <FactCreate><JobRegistrationForm /></FactCreate>;
export const JobRegistrationEdit = () => <FactEdit><JobRegistrationForm /></FactEdit>;
export const JobRegistrationShow = () => (
  <FactShow>
    <ReferenceField source="schoolId" reference="schools" link="show" />
    <StudentField source="studentId" />
    <LocalDateField source="registeredOn" />
    <TextField source="platformAccount" emptyText="—" />
    <ResumeField source="resumeCompleteness" />
    <ApplicationsField source="applicationDates" />
  </FactShow>
);
