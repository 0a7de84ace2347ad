import { DataTable, ReferenceField, TextField, usePermissions, useRecordContext, useTranslate } from 'react-admin';
import { StateField } from '../../components/chips';
import { LocalDateField } from '../../components/fields';
import { QueueList } from '../../components/list/QueueList';
import { referenceFilter, searchFilter, useStatusFilter } from '../../components/list/filters';
import { ReviewActions } from '../../components/workflow/ReviewActions';
import type { WorkflowRecord } from '../../components/workflow/workflow-record';
import { contentProposalStates } from '../../providers/permissions';
import { contentProposalReview } from './specs';
import { useContentProposalExporter } from './exporter';
import { ResponsiveDataTable } from '../../components/list/ResponsiveDataTable';

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

function RowActions() {
  const record = useRecordContext<ContentProposal>();
  return <ReviewActions {...contentProposalReview} record={record} size="small" />;
}

/** Extra training content proposed by providers: HQ's queue of pending proposals, a provider's own. */
export function ContentProposalList() {
  const exporter = useContentProposalExporter();
  const translate = useTranslate();
  const { permissions: role } = usePermissions<string>();
  const filters = [
    searchFilter(),
    useStatusFilter(contentProposalStates),
    ...(role === 'hq' ? [referenceFilter('providerId', 'providers')] : []),
  ];
  return (
    <QueueList queue={{ role: 'hq', status: 'pending' }} exporter={exporter} filters={filters} empty={false}>
      <ResponsiveDataTable rowClick="show" bulkActionButtons={false} phoneOmit={[translate('app.work.actions')]}>
        <DataTable.Col source="title" />
        {role === 'provider' ? null : <DataTable.Col source="providerName" disableSort />}
        <DataTable.Col source="classHours" disableSort />
        <DataTable.Col source="schoolId" disableSort>
          <ReferenceField source="schoolId" reference="schools" link={false} emptyText="—">
            <TextField source="name" />
          </ReferenceField>
        </DataTable.Col>
        <DataTable.Col source="status">
          <StateField entity="content_proposal" />
        </DataTable.Col>
        <DataTable.Col source="createdAt">
          <LocalDateField source="createdAt" />
        </DataTable.Col>
        {role === 'hq' ? <DataTable.Col label={translate('app.work.actions')} disableSort field={RowActions} /> : null}
      </ResponsiveDataTable>
    </QueueList>
  );
}
