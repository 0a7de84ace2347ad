import { DataTable, usePermissions } from 'react-admin';
import { CloseFeedbackButton } from '../../components/bulk/CloseFeedbackButton';
import { StateField } from '../../components/chips';
import { LocalDateField } from '../../components/fields';
import { QueueList } from '../../components/list/QueueList';
import { referenceFilter, searchFilter, useStatusFilter } from '../../components/list/filters';
import type { WorkflowRecord } from '../../components/workflow/workflow-record';
import { feedbackStates } from '../../providers/permissions';
import { useFeedbackExporter } from './exporter';
import { ResponsiveDataTable } from '../../components/list/ResponsiveDataTable';

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

/**
 * Feedback about providers: HQ's queue of what is still open (the default for HQ), a school's own
 * feedback with HQ's replies.
 */
export function FeedbackList() {
  const exporter = useFeedbackExporter();
  const { permissions: role } = usePermissions<string>();
  const filters = [
    searchFilter(),
    useStatusFilter(feedbackStates, 'app.state_by_entity.feedback'),
    referenceFilter('providerId', 'providers'),
    ...(role === 'hq' ? [referenceFilter('schoolId', 'schools')] : []),
  ];
  return (
    <QueueList queue={{ role: 'hq', status: 'open' }} exporter={exporter} filters={filters} empty={false}>
      <ResponsiveDataTable rowClick="show" bulkActionButtons={role === 'hq' ? <CloseFeedbackButton /> : false}>
        <DataTable.Col source="subject" />
        {role === 'school' ? null : <DataTable.Col source="schoolName" disableSort />}
        <DataTable.Col source="providerName" disableSort />
        <DataTable.Col source="status">
          <StateField entity="feedback" />
        </DataTable.Col>
        <DataTable.Col source="createdAt">
          <LocalDateField source="createdAt" />
        </DataTable.Col>
        <DataTable.Col source="repliedAt" disableSort>
          <LocalDateField source="repliedAt" emptyText="—" />
        </DataTable.Col>
      </ResponsiveDataTable>
    </QueueList>
  );
}
