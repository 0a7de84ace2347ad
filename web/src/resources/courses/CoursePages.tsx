import Alert from '@mui/material/Alert';
import Stack from '@mui/material/Stack';
import {
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
  useTranslate,
} from 'react-admin';
import { LocalDateField } from '../../components/fields';
import { FactCreate, FactEdit, FactShow } from '../../components/facts/FactPages';
import { CourseKindField } from './CourseList';

function CourseForm() {
  const translate = useTranslate();
  return (
    <SimpleForm sx={{ maxWidth: 720 }}>
      <Alert severity="info" variant="outlined" sx={{ width: '100%', boxSizing: 'border-box' }}>{translate('app.facts.catalogue_read_only')}</Alert>
      <TextInput source="title" validate={required()} fullWidth />
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ width: '100%' }}>
        <TextInput source="code" />
        <NumberInput source="classHours" validate={[required(), minValue(1), maxValue(1000)]} step={1} />
        <TextInput source="term" />
      </Stack>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ width: '100%' }}>
        <DateInput source="taughtFrom" validate={required()} />
        <DateInput source="taughtTo" validate={required()} />
      </Stack>
    </SimpleForm>
  );
}

/** Only the fields a school's own course takes: the catalogue's columns (kind, level…) are not the school's to send. */
const courseBody = (data: Record<string, unknown>) => {
  const { title, code, classHours, term, taughtFrom, taughtTo } = data;
  return { title, code, classHours, term, taughtFrom, taughtTo } as never;
};

export const CourseCreate = () => <FactCreate transform={courseBody}><CourseForm /></FactCreate>;
export const CourseEdit = () => <FactEdit transform={courseBody}><CourseForm /></FactEdit>;
export const CourseShow = () => (
  <FactShow>
    <ReferenceField source="schoolId" reference="schools" link="show" emptyText="—" />
    <CourseKindField source="kind" />
    <TextField source="code" emptyText="—" />
    <TextField source="title" />
    <TextField source="level" emptyText="—" />
    <NumberField source="classHours" />
    <NumberField source="chapters" emptyText="—" />
    <TextField source="term" emptyText="—" />
    <LocalDateField source="taughtFrom" emptyText="—" />
    <LocalDateField source="taughtTo" emptyText="—" />
  </FactShow>
);
