import { DataTable, NumberField, usePermissions, useRecordContext, useTranslate } from 'react-admin';
import { StateField } from '../../components/chips';
import { LocalDateField } from '../../components/fields';
import { QueueList } from '../../components/list/QueueList';
import { referenceFilter, searchFilter, useStatusFilter } from '../../components/list/filters';
import { ReviewActions } from '../../components/workflow/ReviewActions';
import type { WorkflowRecord } from '../../components/workflow/workflow-record';
import { providerReportStates } from '../../providers/permissions';
import { providerReportReview } from './specs';
import { useProviderReportExporter } from './exporter';
import { ResponsiveDataTable } from '../../components/list/ResponsiveDataTable';

export interface ProviderReport extends WorkflowRecord {
  providerId: number;
  providerName: string;
  schoolId: number;
  schoolName: string;
  project: string;
  periodFrom: string;
  periodTo: string;
  studentCount: number;
  totalHours: number;
  outcomes: string;
  reviewComment: string | null;
  createdAt: string;
}

function useFilters() {
  const { permissions: role } = usePermissions<string>();
  return [
    searchFilter(),
    useStatusFilter(providerReportStates),
    ...(role === 'school' ? [] : [referenceFilter('schoolId', 'schools', { autocomplete: true })]),
    ...(role === 'provider' ? [] : [referenceFilter('providerId', 'providers')]),
  ];
}

function PeriodField() {
  const record = useRecordContext<ProviderReport>();
  if (!record) return null;
  return <span style={{ whiteSpace: 'nowrap' }}>{`${record.periodFrom} – ${record.periodTo}`}</span>;
}

function RowActions() {
  const record = useRecordContext<ProviderReport>();
  return <ReviewActions {...providerReportReview} record={record} size="small" />;
}

/**
 * Practice-project reports: a provider's own, a school's to confirm (waiting ones first shown), and
 * everyone's status. The confirm / reject buttons come from each row's allowedActions.
 */
export function ProviderReportList() {
  const exporter = useProviderReportExporter();
  const translate = useTranslate();
  const filters = useFilters();
  const { permissions: role } = usePermissions<string>();
  return (
    <QueueList queue={{ role: 'school', status: 'submitted' }} exporter={exporter} filters={filters} empty={false}>
      <ResponsiveDataTable rowClick="show" bulkActionButtons={false} phoneOmit={[translate('app.work.actions')]}>
        <DataTable.Col source="project" />
        {role === 'school' ? null : <DataTable.Col source="schoolName" disableSort />}
        {role === 'provider' ? null : <DataTable.Col source="providerName" disableSort />}
        <DataTable.Col source="periodTo" label={translate('resources.provider-reports.fields.period')} field={PeriodField} />
        <DataTable.NumberCol source="studentCount" disableSort />
        <DataTable.Col source="totalHours" disableSort>
          <NumberField source="totalHours" options={{ maximumFractionDigits: 1 }} />
        </DataTable.Col>
        <DataTable.Col source="status">
          <StateField entity="provider_report" />
        </DataTable.Col>
        <DataTable.Col source="createdAt">
          <LocalDateField source="createdAt" />
        </DataTable.Col>
        {role === 'school' ? <DataTable.Col label={translate('app.work.actions')} disableSort field={RowActions} /> : null}
      </ResponsiveDataTable>
    </QueueList>
  );
}
