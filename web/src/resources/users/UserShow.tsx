import {
  EditButton,
  EmailField,
  TopToolbar,
  ReferenceField,
  Show,
  SimpleShowLayout,
  TextField,
  useRecordContext,
} from 'react-admin';
import { RoleField, TranslatedField } from '../../components/chips';
import { LocalDateField } from '../../components/fields';
import { UserRegions, UserStatusField } from './UserList';
import { UserActions } from './UserActions';

function ShowActions() {
  return (
    <TopToolbar sx={{ gap: 1 }}>
      <UserActions />
      <EditButton />
    </TopToolbar>
  );
}

function UserTitle() {
  const record = useRecordContext<{ name: string }>();
  return <span>{record?.name}</span>;
}

export function UserShow() {
  return (
    <Show title={<UserTitle />} actions={<ShowActions />}>
      <SimpleShowLayout>
        <TextField source="name" />
        <EmailField source="email" />
        <RoleField source="role" />
        <UserRegions source="regionIds" />
        <ReferenceField source="schoolId" reference="schools" emptyText="—" />
        <ReferenceField source="providerId" reference="providers" emptyText="—" />
        <TranslatedField source="locale" prefix="app.locale" />
        <UserStatusField label="app.user_admin.status" />
        <LocalDateField source="createdAt" showTime />
      </SimpleShowLayout>
    </Show>
  );
}
