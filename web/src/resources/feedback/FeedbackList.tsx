import {
  CreateButton,
  DataTable,
  ExportButton,
  FilterButton,
  List,
  ReferenceInput,
  SearchInput,
  SelectInput,
  TopToolbar,
  useCanAccess,
  usePermissions,
  useRecordContext,
} from 'react-admin';
import { StateChip } from '../../components/chips';
import { LocalDateField } from '../../components/fields';
import { useVocabularyChoices } from '../../components/choices';
import { feedbackStates } from '../../providers/permissions';
import type { WorkflowRecord } from '../evaluations/workflow';
import { useFeedbackExporter } from '../evaluations/exporters';

export interface Feedback extends WorkflowRecord {
  schoolId: number;
  schoolName: string;
  providerId: number;
  providerName: string | null;
  subject: string;
  body: string;
  reply: string | null;
  repliedAt: string | null;
  createdAt: string;
}

function Actions() {
  const { canAccess: canCreate } = useCanAccess({ resource: 'feedback', action: 'create' });
  const { canAccess: canExport } = useCanAccess({ resource: 'feedback', action: 'export' });
  return (
    <TopToolbar>
      <FilterButton />
      {canCreate ? <CreateButton /> : null}
      {canExport ? <ExportButton maxResults={10_000} /> : null}
    </TopToolbar>
  );
}

function StatusField() {
  const record = useRecordContext<Feedback>();
  if (!record) return null;
  return <StateChip state={record.status} entity="feedback" />;
}

/**
 * Feedback about providers: HQ's queue of what is still open (the default for HQ), a school's own
 * feedback with HQ's replies.
 */
export function FeedbackList() {
  const exporter = useFeedbackExporter();
  const { permissions: role } = usePermissions<string>();
  const statusChoices = useVocabularyChoices(feedbackStates, 'app.state_by_entity.feedback');
  const filters = [
    <SearchInput key="q" source="q" alwaysOn />,
    <SelectInput key="status" source="status" choices={statusChoices} alwaysOn sx={{ minWidth: 130 }} />,
    <ReferenceInput key="providerId" source="providerId" reference="providers" sort={{ field: 'name', order: 'ASC' }}>
      <SelectInput optionText="name" sx={{ minWidth: 220 }} />
    </ReferenceInput>,
    ...(role === 'hq' ? [
      <ReferenceInput key="schoolId" source="schoolId" reference="schools" sort={{ field: 'name', order: 'ASC' }}>
        <SelectInput optionText="name" sx={{ minWidth: 220 }} />
      </ReferenceInput>,
    ] : []),
  ];
  return (
    <List
      exporter={exporter}
      filters={filters}
      filterDefaultValues={role === 'hq' ? { status: 'open' } : undefined}
      sort={{ field: 'createdAt', order: 'DESC' }}
      perPage={25}
      actions={<Actions />}
      empty={false}
    >
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="subject" />
        {role === 'school' ? null : <DataTable.Col source="schoolName" disableSort />}
        <DataTable.Col source="providerName" disableSort />
        <DataTable.Col source="status" field={StatusField} />
        <DataTable.Col source="createdAt">
          <LocalDateField source="createdAt" />
        </DataTable.Col>
        <DataTable.Col source="repliedAt" disableSort>
          <LocalDateField source="repliedAt" emptyText="—" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
