import {
  DataTable,
  ExportButton,
  List,
  ReferenceField,
  ReferenceInput,
  SearchInput,
  SelectInput,
  TextInput,
  TopToolbar,
  useCanAccess,
  useGetIdentity,
  usePermissions,
} from 'react-admin';
import { TierField, StateField } from '../../components/chips';
import { RegionNameField, SchoolNameField } from '../../components/fields';
import { useSchoolStatusChoices, useTierChoices, useVocabularyChoices } from '../../components/choices';

function SchoolListActions() {
  const { canAccess } = useCanAccess({ resource: 'schools', action: 'export' });
  return <TopToolbar>{canAccess ? <ExportButton maxResults={10_000} /> : null}</TopToolbar>;
}

function useSchoolFilters() {
  const { permissions: role } = usePermissions<string>();
  const { identity } = useGetIdentity();
  // Regional staff pick among their own regions only; the server scopes the list anyway.
  const regionFilter = role === 'regional' && identity ? { id: identity.regionIds } : {};
  const tierChoices = useTierChoices(true);
  const statusChoices = useSchoolStatusChoices();
  const kindChoices = useVocabularyChoices(['university', 'vocational'], 'app.school_kind');
  // A school user sees one school: only the search box makes sense there.
  const many = role !== 'school';
  return [
    <SearchInput key="q" source="q" alwaysOn />,
    ...(many
      ? [
          <ReferenceInput key="regionId" source="regionId" reference="regions" filter={regionFilter} sort={{ field: 'sortOrder', order: 'ASC' }} perPage={100} alwaysOn>
            <SelectInput optionText={<RegionNameField />} sx={{ minWidth: 140 }} />
          </ReferenceInput>,
          <SelectInput key="tier" source="tier" choices={tierChoices} alwaysOn sx={{ minWidth: 160 }} />,
          <SelectInput key="status" source="status" choices={statusChoices} alwaysOn sx={{ minWidth: 140 }} />,
          <SelectInput key="kind" source="kind" choices={kindChoices} />,
          <TextInput key="province" source="province" />,
        ]
      : []),
  ];
}

export function SchoolList() {
  const filters = useSchoolFilters();
  return (
    <List filters={filters} sort={{ field: 'name', order: 'ASC' }} perPage={25} actions={<SchoolListActions />}>
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="name" field={SchoolNameField} />
        <DataTable.Col source="regionId">
          <ReferenceField source="regionId" reference="regions" link={false}>
            <RegionNameField />
          </ReferenceField>
        </DataTable.Col>
        <DataTable.Col source="province" />
        <DataTable.Col source="city" disableSort />
        <DataTable.Col source="tier" field={TierField} />
        <DataTable.Col source="status" field={StateField} />
      </DataTable>
    </List>
  );
}
