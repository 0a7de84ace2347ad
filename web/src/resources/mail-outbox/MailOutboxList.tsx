import { DataTable, List, SelectInput, TextInput } from 'react-admin';
import { ListToolbar } from '../../components/list/ListToolbar';
import { searchFilter } from '../../components/list/filters';
import { useVocabularyChoices } from '../../components/choices';
import { LocalDateField } from '../../components/fields';
import { TranslatedField } from '../../components/chips';
import { MailStatusField } from './MailStatusField';
import { mailKinds, mailStatuses } from './mail-vocabulary';
import { ResponsiveDataTable } from '../../components/list/ResponsiveDataTable';

function useMailFilters() {
  const statusChoices = useVocabularyChoices(mailStatuses, 'app.mail.status');
  const kindChoices = useVocabularyChoices(mailKinds, 'app.mail.kind');
  return [
    searchFilter(),
    <SelectInput key="status" source="status" choices={statusChoices} alwaysOn sx={{ minWidth: 130 }} />,
    <SelectInput key="kind" source="kind" choices={kindChoices} alwaysOn sx={{ minWidth: 150 }} />,
    <TextInput key="recipient" source="recipient" />,
  ];
}

/** The outbox, newest first: to whom, what, and whether it left (HQ). */
export function MailOutboxList() {
  return (
    <List filters={useMailFilters()} sort={{ field: 'createdAt', order: 'DESC' }} perPage={25} actions={<ListToolbar filters />}>
      <ResponsiveDataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="createdAt">
          <LocalDateField source="createdAt" showTime />
        </DataTable.Col>
        <DataTable.Col source="recipient" />
        <DataTable.Col source="kind">
          <TranslatedField source="kind" prefix="app.mail.kind" />
        </DataTable.Col>
        <DataTable.Col source="subject" disableSort />
        <DataTable.Col source="status" field={MailStatusField} />
        <DataTable.NumberCol source="attempts" />
        <DataTable.Col source="sentAt">
          <LocalDateField source="sentAt" showTime emptyText="—" />
        </DataTable.Col>
      </ResponsiveDataTable>
    </List>
  );
}
