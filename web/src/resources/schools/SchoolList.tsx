import { DataTable, List, ReferenceField, SelectInput, TextInput, usePermissions } from 'react-admin';
import { TierField, StateField } from '../../components/chips';
import { RegionNameField, SchoolNameField } from '../../components/fields';
import { ListToolbar } from '../../components/list/ListToolbar';
import { ListEmpty } from '../../components/list/ListEmpty';
import { searchFilter, useRegionFilter } from '../../components/list/filters';
import { useSchoolStatusChoices, useTierChoices, useVocabularyChoices } from '../../components/choices';
import { ResponsiveDataTable } from '../../components/list/ResponsiveDataTable';

function useSchoolFilters() {
  const { permissions: role } = usePermissions<string>();
  const regionFilter = useRegionFilter({ alwaysOn: true });
  const tierChoices = useTierChoices(true);
  const statusChoices = useSchoolStatusChoices();
  const kindChoices = useVocabularyChoices(['university', 'vocational'], 'app.school_kind');
  // A school user sees one school: only the search box makes sense there.
  const many = role !== 'school';
  return [
    searchFilter(),
    ...(many
      ? [
          regionFilter,
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
    <List filters={filters} sort={{ field: 'name', order: 'ASC' }} perPage={25} actions={<ListToolbar create importable exportable />} empty={<ListEmpty importable />}>
      <ResponsiveDataTable rowClick="show" bulkActionButtons={false}>
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
      </ResponsiveDataTable>
    </List>
  );
}
