import { DataTable, List, SelectInput, usePermissions, useRecordContext, useTranslate } from 'react-admin';
import { joinRequestStates } from '@campus/common';
import { StateField, TierField } from '../../components/chips';
import { LocalDateField } from '../../components/fields';
import { ListToolbar } from '../../components/list/ListToolbar';
import { searchFilter, useRegionFilter, useStatusFilter } from '../../components/list/filters';
import { useTierChoices } from '../../components/choices';
import { ReviewActions } from '../../components/workflow/ReviewActions';
import { joinRequestReview } from './specs';
import type { JoinRequest } from './types';
import { ResponsiveDataTable } from '../../components/list/ResponsiveDataTable';

function RowActions() {
  const record = useRecordContext<JoinRequest>();
  return <ReviewActions {...joinRequestReview} record={record} size="small" />;
}

function KindField() {
  const record = useRecordContext<JoinRequest>();
  const translate = useTranslate();
  return record ? <>{translate(`app.school_kind.${record.kind}`, { _: record.kind })}</> : null;
}

/** The queue of confirmed join requests: regional staff see their regions' provinces, HQ every one; it opens on what waits. */
export function JoinRequestList() {
  const translate = useTranslate();
  const { permissions: role } = usePermissions<string>();
  const tierChoices = useTierChoices();
  const filters = [
    searchFilter(),
    useStatusFilter(joinRequestStates.filter((s) => s !== 'unconfirmed' && s !== 'expired')),
    useRegionFilter(),
    <SelectInput key="tier" source="tier" choices={tierChoices} />,
  ];
  return (
    <List
      filters={filters}
      filterDefaultValues={{ status: 'pending' }}
      sort={{ field: 'confirmedAt', order: 'DESC' }}
      perPage={25}
      exporter={false}
      actions={<ListToolbar filters />}
      empty={false}
    >
      <ResponsiveDataTable rowClick="show" bulkActionButtons={false} phoneOmit={[translate('app.work.actions')]}>
        <DataTable.Col source="schoolName" />
        <DataTable.Col source="province" />
        <DataTable.Col source="kind" disableSort field={KindField} />
        <DataTable.Col source="tier" disableSort field={TierField} />
        <DataTable.Col source="contactName" disableSort />
        <DataTable.Col source="email" disableSort />
        <DataTable.Col source="status">
          <StateField entity="join_request" />
        </DataTable.Col>
        <DataTable.Col source="confirmedAt">
          <LocalDateField source="confirmedAt" showTime />
        </DataTable.Col>
        {role === 'hq' || role === 'regional' ? <DataTable.Col label={translate('app.work.actions')} disableSort field={RowActions} /> : null}
      </ResponsiveDataTable>
    </List>
  );
}
