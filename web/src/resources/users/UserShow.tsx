import {
  BooleanField,
  EmailField,
  ReferenceField,
  Show,
  SimpleShowLayout,
  TextField,
  useRecordContext,
} from 'react-admin';
import { RoleField, TranslatedField } from '../../components/chips';
import { LocalDateField } from '../../components/fields';
import { UserRegions } from './UserList';

function UserTitle() {
  const record = useRecordContext<{ name: string }>();
  return <span>{record?.name}</span>;
}

export function UserShow() {
  return (
    <Show title={<UserTitle />}>
      <SimpleShowLayout>
        <TextField source="name" />
        <EmailField source="email" />
        <RoleField source="role" />
        <UserRegions source="regionIds" />
        <ReferenceField source="schoolId" reference="schools" emptyText="—" />
        <TextField source="providerId" emptyText="—" />
        <TranslatedField source="locale" prefix="app.locale" />
        <BooleanField source="active" />
        <LocalDateField source="createdAt" showTime />
      </SimpleShowLayout>
    </Show>
  );
}
