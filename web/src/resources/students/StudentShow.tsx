import { NumberField, ReferenceField, TextField } from 'react-admin';
import { LocalDateField } from '../../components/fields';
import { FactShow } from '../../components/facts/FactPages';
import { LeftReasonField } from './StudentList';

export function StudentShow() {
  return (
    <FactShow>
      <ReferenceField source="schoolId" reference="schools" link="show" />
      <TextField source="studentNo" />
      <TextField source="name" />
      <NumberField source="cohortYear" options={{ useGrouping: false }} />
      <TextField source="major" emptyText="—" />
      <LocalDateField source="enrolledOn" />
      <LocalDateField source="leftOn" emptyText="—" />
      <LeftReasonField source="leftReason" />
    </FactShow>
  );
}
