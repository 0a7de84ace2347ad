import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import { DataTable, EditButton, List, useCanAccess, useGetList, useRecordContext } from 'react-admin';
import { ResponsiveDataTable } from '../../components/list/ResponsiveDataTable';

interface Region {
  id: number;
  code: string;
  nameZh: string;
  nameEn: string;
  provinces: string[];
}

function ProvincesField() {
  const record = useRecordContext<Region>();
  if (!record?.provinces?.length) return null;
  return (
    <Stack direction="row" useFlexGap sx={{ flexWrap: 'wrap', gap: 0.5 }}>
      {record.provinces.map((p) => <Chip key={p} label={p} size="small" variant="outlined" />)}
    </Stack>
  );
}

/** Schools of the region that the user may see: the total of a one-row page (Content-Range). */
function SchoolCountField() {
  const record = useRecordContext<Region>();
  const { total, isPending } = useGetList(
    'schools',
    { filter: { regionId: record?.id }, pagination: { page: 1, perPage: 1 }, sort: { field: 'id', order: 'ASC' } },
    { enabled: record != null },
  );
  return <span>{isPending ? '…' : (total ?? 0)}</span>;
}

const schoolsOfRegion = (id: unknown) => `/schools?filter=${encodeURIComponent(JSON.stringify({ regionId: id }))}`;

export function RegionList() {
  const { canAccess: canEdit } = useCanAccess({ resource: 'regions', action: 'edit' });
  return (
    <List sort={{ field: 'sortOrder', order: 'ASC' }} perPage={50} pagination={false} exporter={false}>
      <ResponsiveDataTable rowClick={(id) => schoolsOfRegion(id)} bulkActionButtons={false} phoneOmit={['']}>
        <DataTable.Col source="nameZh" />
        <DataTable.Col source="nameEn" />
        <DataTable.Col source="code" />
        <DataTable.Col source="provinces" disableSort field={ProvincesField} />
        <DataTable.Col source="schoolCount" disableSort field={SchoolCountField} />
        {canEdit ? <DataTable.Col label="" disableSort><EditButton /></DataTable.Col> : null}
      </ResponsiveDataTable>
    </List>
  );
}
