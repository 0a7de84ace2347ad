import Stack from '@mui/material/Stack';
import {
  ArrayInput,
  DateInput,
  ReferenceField,
  SelectInput,
  SimpleForm,
  SimpleFormIterator,
  TextField,
  TextInput,
  email,
  required,
} from 'react-admin';
import { useVocabularyChoices } from '../../components/choices';
import { FactCreate, FactEdit, FactShow } from '../../components/facts/FactPages';
import { CertificationsField, ValidTodayField } from './InstructorList';

function InstructorForm() {
  const levels = useVocabularyChoices(['junior', 'intermediate', 'senior'], 'app.cert_level');
  return (
    <SimpleForm sx={{ maxWidth: 820 }} defaultValues={{ certifications: [] }}>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ width: '100%' }}>
        <TextInput source="name" validate={required()} />
        <TextInput source="staffNo" />
        <TextInput source="email" validate={email()} />
      </Stack>
      <ArrayInput source="certifications">
        <SimpleFormIterator inline disableReordering>
          <TextInput source="certNo" label="resources.instructors.fields.certNo" validate={required()} />
          <SelectInput source="level" label="resources.instructors.fields.level" choices={levels} validate={required()} sx={{ minWidth: 120 }} />
          <DateInput source="validFrom" label="resources.instructors.fields.validFrom" validate={required()} />
          <DateInput source="validTo" label="resources.instructors.fields.validTo" validate={required()} />
        </SimpleFormIterator>
      </ArrayInput>
    </SimpleForm>
  );
}

export const InstructorCreate = () => <FactCreate><InstructorForm /></FactCreate>;
export const InstructorEdit = () => <FactEdit><InstructorForm /></FactEdit>;
export const InstructorShow = () => (
  <FactShow>
    <ReferenceField source="schoolId" reference="schools" link="show" />
    <TextField source="name" />
    <TextField source="staffNo" emptyText="—" />
    <TextField source="email" emptyText="—" />
    <ValidTodayField source="validToday" />
    <CertificationsField source="certifications" />
  </FactShow>
);
