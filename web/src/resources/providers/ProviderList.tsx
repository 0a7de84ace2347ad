import { BooleanField, DataTable, List, usePermissions } from 'react-admin';
import { ListToolbar } from '../../components/list/ListToolbar';
import { searchFilter } from '../../components/list/filters';
import { CompliantSchoolsField, FeedbackField, HoursField, ReportsField } from './scorecard';
import { useProviderExporter } from './exporter';
import { ResponsiveDataTable } from '../../components/list/ResponsiveDataTable';

/**
 * Service providers. For HQ the scorecard: their schools' current KPI results,
 * reports by status, confirmed practice hours, feedback and approved content; schools and providers
 * see the providers that concern them.
 */
export function ProviderList() {
  const exporter = useProviderExporter();
  const { permissions: role } = usePermissions<string>();
  const scorecard = role === 'hq';
  return (
    <List exporter={exporter} filters={[searchFilter()]} sort={{ field: 'name', order: 'ASC' }} perPage={25} actions={<ListToolbar create exportable />}>
      <ResponsiveDataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="name" />
        {scorecard ? null : <DataTable.Col source="contactName" disableSort />}
        {scorecard ? <DataTable.NumberCol source="schools" disableSort /> : null}
        {scorecard ? <DataTable.Col source="compliantSchools" disableSort field={CompliantSchoolsField} /> : null}
        {scorecard ? <DataTable.Col source="reports" disableSort field={ReportsField} /> : null}
        {scorecard ? <DataTable.Col source="confirmedHours" disableSort field={HoursField} /> : null}
        {scorecard ? <DataTable.Col source="feedback" disableSort field={FeedbackField} /> : null}
        {scorecard ? <DataTable.NumberCol source="proposalsApproved" disableSort /> : null}
        {scorecard ? <DataTable.Col source="active" disableSort field={BooleanField} /> : null}
      </ResponsiveDataTable>
    </List>
  );
}
