import { DataTable, List, usePermissions, useRecordContext, useTranslate } from 'react-admin';
import { examSiteStates } from '@campus/common';
import { StateField } from '../../components/chips';
import { ListToolbar } from '../../components/list/ListToolbar';
import { searchFilter, useStatusFilter } from '../../components/list/filters';
import { ResponsiveDataTable } from '../../components/list/ResponsiveDataTable';
import { ReviewActions } from '../../components/workflow/ReviewActions';
import { examSiteReview } from './specs';
import { KindsField } from './KindsField';
import type { ExamSite } from './types';

function RowActions() {
  const record = useRecordContext<ExamSite>();
  return <ReviewActions {...examSiteReview} record={record} size="small" />;
}

/** Exam sites in the reader's scope, filtered by state; HQ decides from the list. */
export function ExamSiteList() {
  const translate = useTranslate();
  const { permissions: role } = usePermissions<string>();
  return (
    <List
      filters={[searchFilter(), useStatusFilter(examSiteStates)]}
      sort={{ field: 'id', order: 'DESC' }}
      perPage={25}
      exporter={false}
      actions={<ListToolbar filters create />}
      empty={false}
    >
      <ResponsiveDataTable rowClick="show" bulkActionButtons={false} phoneOmit={[translate('app.work.actions')]}>
        <DataTable.Col source="name" />
        <DataTable.Col source="schoolName" disableSort />
        <DataTable.Col source="regionName" disableSort />
        <DataTable.Col source="capacity" />
        <DataTable.Col source="kinds" disableSort field={KindsField} />
        <DataTable.Col source="status"><StateField entity="exam_site" /></DataTable.Col>
        {role === 'hq' ? <DataTable.Col label={translate('app.work.actions')} disableSort field={RowActions} /> : null}
      </ResponsiveDataTable>
    </List>
  );
}
