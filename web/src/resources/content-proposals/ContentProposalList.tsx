import {
  CreateButton,
  DataTable,
  ExportButton,
  FilterButton,
  List,
  ReferenceField,
  ReferenceInput,
  SearchInput,
  SelectInput,
  TextField,
  TopToolbar,
  useCanAccess,
  usePermissions,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { StateChip } from '../../components/chips';
import { LocalDateField } from '../../components/fields';
import { useVocabularyChoices } from '../../components/choices';
import { contentProposalStates } from '../../providers/permissions';
import { ActionButtons } from '../evaluations/ActionButtons';
import type { WorkflowRecord } from '../evaluations/workflow';
import { contentProposalActions } from './specs';
import { useContentProposalExporter } from '../evaluations/exporters';

export interface ContentProposal extends WorkflowRecord {
  providerId: number;
  providerName: string;
  schoolId: number | null;
  title: string;
  description: string;
  classHours: number | null;
  decisionReason: string | null;
  decidedAt: string | null;
  createdAt: string;
}

function Actions() {
  const { canAccess: canCreate } = useCanAccess({ resource: 'content-proposals', action: 'create' });
  const { canAccess: canExport } = useCanAccess({ resource: 'content-proposals', action: 'export' });
  return (
    <TopToolbar>
      <FilterButton />
      {canCreate ? <CreateButton /> : null}
      {canExport ? <ExportButton maxResults={10_000} /> : null}
    </TopToolbar>
  );
}

function StatusField() {
  const record = useRecordContext<ContentProposal>();
  if (!record) return null;
  return <StateChip state={record.status} entity="content_proposal" />;
}

function RowActions() {
  const record = useRecordContext<ContentProposal>();
  return <ActionButtons resource="content-proposals" record={record} specs={contentProposalActions} size="small" />;
}

/** Extra training content proposed by providers: HQ's queue of pending proposals, a provider's own. */
export function ContentProposalList() {
  const exporter = useContentProposalExporter();
  const translate = useTranslate();
  const { permissions: role } = usePermissions<string>();
  const statusChoices = useVocabularyChoices(contentProposalStates, 'app.state');
  const filters = [
    <SearchInput key="q" source="q" alwaysOn />,
    <SelectInput key="status" source="status" choices={statusChoices} alwaysOn sx={{ minWidth: 130 }} />,
    ...(role === 'hq' ? [
      <ReferenceInput key="providerId" source="providerId" reference="providers" sort={{ field: 'name', order: 'ASC' }}>
        <SelectInput optionText="name" sx={{ minWidth: 220 }} />
      </ReferenceInput>,
    ] : []),
  ];
  return (
    <List
      exporter={exporter}
      filters={filters}
      filterDefaultValues={role === 'hq' ? { status: 'pending' } : undefined}
      sort={{ field: 'createdAt', order: 'DESC' }}
      perPage={25}
      actions={<Actions />}
      empty={false}
    >
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="title" />
        {role === 'provider' ? null : <DataTable.Col source="providerName" disableSort />}
        <DataTable.Col source="classHours" disableSort />
        <DataTable.Col source="schoolId" disableSort>
          <ReferenceField source="schoolId" reference="schools" link={false} emptyText="—">
            <TextField source="name" />
          </ReferenceField>
        </DataTable.Col>
        <DataTable.Col source="status" field={StatusField} />
        <DataTable.Col source="createdAt">
          <LocalDateField source="createdAt" />
        </DataTable.Col>
        {role === 'hq' ? <DataTable.Col label={translate('app.work.actions')} disableSort field={RowActions} /> : null}
      </DataTable>
    </List>
  );
}
