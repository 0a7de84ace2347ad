import { DateInput, ReferenceField, SimpleForm, TextField, required } from 'react-admin';
import { LocalDateField } from '../../components/fields';
import { FactCreate, FactEdit, FactShow } from '../../components/facts/FactPages';
import { StudentField, StudentReferenceInput } from '../../components/facts/shared';
import { CourseReferenceInput } from './CourseCompletionList';

function CourseCompletionForm() {
  return (
    <SimpleForm sx={{ maxWidth: 640 }}>
      <StudentReferenceInput />
      <CourseReferenceInput validate={required()} />
      <DateInput source="completedOn" validate={required()} />
    </SimpleForm>
  );
}

export const CourseCompletionCreate = () => <FactCreate><CourseCompletionForm /></FactCreate>;
export const CourseCompletionEdit = () => <FactEdit><CourseCompletionForm /></FactEdit>;
export const CourseCompletionShow = () => (
  <FactShow>
    <ReferenceField source="schoolId" reference="schools" link="show" />
    <StudentField source="studentId" />
    <TextField source="courseTitle" />
    <LocalDateField source="completedOn" />
  </FactShow>
);
