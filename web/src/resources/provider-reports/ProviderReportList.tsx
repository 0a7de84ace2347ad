import {
  CreateButton,
  DataTable,
  ExportButton,
  FilterButton,
  List,
  NumberField,
  ReferenceInput,
  SearchInput,
  SelectInput,
  AutocompleteInput,
  TopToolbar,
  useCanAccess,
  usePermissions,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { StateChip } from '../../components/chips';
import { LocalDateField } from '../../components/fields';
import { useVocabularyChoices } from '../../components/choices';
import { providerReportStates } from '../../providers/permissions';
import { ActionButtons } from '../evaluations/ActionButtons';
import type { WorkflowRecord } from '../evaluations/workflow';
import { providerReportActions } from './specs';
import { useProviderReportExporter } from '../evaluations/exporters';

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

function Actions() {
  const { canAccess: canCreate } = useCanAccess({ resource: 'provider-reports', action: 'create' });
  const { canAccess: canExport } = useCanAccess({ resource: 'provider-reports', action: 'export' });
  return (
    <TopToolbar>
      <FilterButton />
      {canCreate ? <CreateButton /> : null}
      {canExport ? <ExportButton maxResults={10_000} /> : null}
    </TopToolbar>
  );
}

function useFilters() {
  const { permissions: role } = usePermissions<string>();
  const statusChoices = useVocabularyChoices(providerReportStates, 'app.state');
  return [
    <SearchInput key="q" source="q" alwaysOn />,
    <SelectInput key="status" source="status" choices={statusChoices} alwaysOn sx={{ minWidth: 130 }} />,
    ...(role === 'school' ? [] : [
      <ReferenceInput key="schoolId" source="schoolId" reference="schools" sort={{ field: 'name', order: 'ASC' }}>
        <AutocompleteInput optionText="name" sx={{ minWidth: 220 }} />
      </ReferenceInput>,
    ]),
    ...(role === 'provider' ? [] : [
      <ReferenceInput key="providerId" source="providerId" reference="providers" sort={{ field: 'name', order: 'ASC' }}>
        <SelectInput optionText="name" sx={{ minWidth: 220 }} />
      </ReferenceInput>,
    ]),
  ];
}

function PeriodField() {
  const record = useRecordContext<ProviderReport>();
  if (!record) return null;
  return <span style={{ whiteSpace: 'nowrap' }}>{`${record.periodFrom} – ${record.periodTo}`}</span>;
}

function StatusField() {
  const record = useRecordContext<ProviderReport>();
  if (!record) return null;
  return <StateChip state={record.status} entity="provider_report" />;
}

function RowActions() {
  const record = useRecordContext<ProviderReport>();
  return <ActionButtons resource="provider-reports" record={record} specs={providerReportActions} size="small" />;
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
    <List
      exporter={exporter}
      filters={filters}
      filterDefaultValues={role === 'school' ? { status: 'submitted' } : undefined}
      sort={{ field: 'createdAt', order: 'DESC' }}
      perPage={25}
      actions={<Actions />}
      empty={false}
    >
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="project" />
        {role === 'school' ? null : <DataTable.Col source="schoolName" disableSort />}
        {role === 'provider' ? null : <DataTable.Col source="providerName" disableSort />}
        <DataTable.Col source="periodTo" label={translate('resources.provider-reports.fields.period')} field={PeriodField} />
        <DataTable.NumberCol source="studentCount" disableSort />
        <DataTable.Col source="totalHours" disableSort>
          <NumberField source="totalHours" options={{ maximumFractionDigits: 1 }} />
        </DataTable.Col>
        <DataTable.Col source="status" field={StatusField} />
        <DataTable.Col source="createdAt">
          <LocalDateField source="createdAt" />
        </DataTable.Col>
        {role === 'school' ? <DataTable.Col label={translate('app.work.actions')} disableSort field={RowActions} /> : null}
      </DataTable>
    </List>
  );
}
