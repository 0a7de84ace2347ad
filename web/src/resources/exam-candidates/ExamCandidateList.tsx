import { DataTable, List } from 'react-admin';
import { LocalDateField } from '../../components/fields';
import { ListToolbar } from '../../components/list/ListToolbar';
import { searchFilter } from '../../components/list/filters';
import { ResponsiveDataTable } from '../../components/list/ResponsiveDataTable';

/** Every candidate the reader may see (HQ all, regional staff their regions' schools', a school its own), by session. */
export function ExamCandidateList() {
  return (
    <List filters={[searchFilter()]} sort={{ field: 'id', order: 'DESC' }} perPage={25} exporter={false} actions={<ListToolbar importable />} empty={false}>
      <ResponsiveDataTable rowClick={false} bulkActionButtons={false}>
        <DataTable.Col source="sessionTitle" disableSort />
        <DataTable.Col source="siteName" disableSort />
        <DataTable.Col source="schoolName" disableSort />
        <DataTable.Col source="studentNo" />
        <DataTable.Col source="studentName" />
        <DataTable.Col source="result" disableSort />
        <DataTable.Col source="createdAt"><LocalDateField source="createdAt" showTime /></DataTable.Col>
      </ResponsiveDataTable>
    </List>
  );
}
