import {
  DataTable,
  List,
  ReferenceArrayField,
  ReferenceField,
  ReferenceInput,
  SearchInput,
  SelectInput,
  SingleFieldList,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import Chip from '@mui/material/Chip';
import { ListToolbar } from '../../components/list/ListToolbar';
import { userStatusKey, type UserLike } from './UserActions';
import { RoleField } from '../../components/chips';
import { RegionChip, RegionNameField } from '../../components/fields';
import { useRoleChoices } from '../../components/choices';
import { ResponsiveDataTable } from '../../components/list/ResponsiveDataTable';

// source and label are read by the show layout for the field's label.
export function UserRegions(_: { source?: string; label?: string }) {
  return (
    <ReferenceArrayField source="regionIds" reference="regions">
      <SingleFieldList linkType={false} empty={<span>—</span>}>
        <RegionChip />
      </SingleFieldList>
    </ReferenceArrayField>
  );
}

/** The account's state in words: active, deactivated, or invited and waiting for its password. */
export function UserStatusField(_: { source?: string; label?: string }) {
  const record = useRecordContext<UserLike>();
  const translate = useTranslate();
  if (!record) return null;
  const color = !record.active ? 'default' : record.invitationPending ? 'warning' : 'success';
  return <Chip size="small" variant="outlined" color={color} label={translate(userStatusKey(record))} />;
}

export function UserList() {
  const roleChoices = useRoleChoices();
  const filters = [
    <SearchInput key="q" source="q" alwaysOn />,
    <SelectInput key="role" source="role" choices={roleChoices} alwaysOn sx={{ minWidth: 140 }} />,
    <ReferenceInput key="regionId" source="regionId" reference="regions" sort={{ field: 'sortOrder', order: 'ASC' }} alwaysOn>
      <SelectInput optionText={<RegionNameField />} sx={{ minWidth: 140 }} />
    </ReferenceInput>,
  ];
  return (
    <List filters={filters} sort={{ field: 'email', order: 'ASC' }} perPage={25} actions={<ListToolbar create importable />}>
      <ResponsiveDataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="name" />
        <DataTable.Col source="email" />
        <DataTable.Col source="role" field={RoleField} />
        <DataTable.Col source="regionIds" disableSort field={UserRegions} />
        <DataTable.Col source="schoolId" disableSort>
          <ReferenceField source="schoolId" reference="schools" emptyText="—" />
        </DataTable.Col>
        <DataTable.Col source="active" label="app.user_admin.status" disableSort field={UserStatusField} />
      </ResponsiveDataTable>
    </List>
  );
}
