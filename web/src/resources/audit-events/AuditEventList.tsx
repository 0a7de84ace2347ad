import {
  AutocompleteInput,
  DataTable,
  DateInput,
  List,
  ReferenceField,
  ReferenceInput,
  SearchInput,
  SelectInput,
  TextField,
  usePermissions,
} from 'react-admin';
import { TranslatedField } from '../../components/chips';
import { LocalDateField } from '../../components/fields';
import { useVocabularyChoices } from '../../components/choices';
import { zhMessages } from '../../i18n/zh';
import { AuditDataPanel, compactColumns, EntityField, TransitionField } from '../../components/audit/AuditEventFields';
import { ListPagination } from '../../components/list/ListPagination';
import { ResponsiveDataTable } from '../../components/list/ResponsiveDataTable';

// The vocabularies that the filters offer are the ones the UI has labels for.
const entityTypes = Object.keys(zhMessages.app.entity);
const actions = Object.keys(zhMessages.app.action);

function useAuditFilters() {
  const { permissions: role } = usePermissions<string>();
  const entityChoices = useVocabularyChoices(entityTypes, 'app.entity');
  const actionChoices = useVocabularyChoices(actions, 'app.action');
  return [
    <SearchInput key="q" source="q" alwaysOn />,
    <SelectInput key="entityType" source="entityType" choices={entityChoices} alwaysOn sx={{ minWidth: 150 }} />,
    <SelectInput key="action" source="action" choices={actionChoices} alwaysOn sx={{ minWidth: 150 }} />,
    <DateInput key="from" source="from" alwaysOn />,
    <DateInput key="to" source="to" alwaysOn />,
    ...(role === 'school'
      ? []
      : [
          <ReferenceInput key="schoolId" source="schoolId" reference="schools">
            <AutocompleteInput optionText="name" filterToQuery={(q: string) => ({ q })} sx={{ minWidth: 240 }} />
          </ReferenceInput>,
        ]),
  ];
}

/** Every recorded action: HQ sees all; regional and school users see their scope (the server filters). */
export function AuditEventList() {
  const filters = useAuditFilters();
  const { permissions: role } = usePermissions<string>();
  return (
    <List filters={filters} sort={{ field: 'at', order: 'DESC' }} perPage={25} pagination={<ListPagination />}>
      <ResponsiveDataTable bulkActionButtons={false} rowClick="expand" expand={<AuditDataPanel />} sx={compactColumns}>
        <DataTable.Col source="at">
          <LocalDateField source="at" showTime />
        </DataTable.Col>
        <DataTable.Col source="entityType" field={EntityField} />
        <DataTable.Col source="action">
          <TranslatedField source="action" prefix="app.action" />
        </DataTable.Col>
        <DataTable.Col source="transition" disableSort field={TransitionField} />
        <DataTable.Col source="actorName" disableSort />
        {role === 'school' ? null : (
          <DataTable.Col source="schoolId" disableSort>
            <ReferenceField source="schoolId" reference="schools" emptyText="—" />
          </DataTable.Col>
        )}
        <DataTable.Col source="comment" disableSort field={TextField} />
      </ResponsiveDataTable>
    </List>
  );
}
