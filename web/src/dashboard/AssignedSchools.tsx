import Card from '@mui/material/Card';
import CardHeader from '@mui/material/CardHeader';
import Typography from '@mui/material/Typography';
import { DataTable, ListBase, Pagination, ReferenceField, useListContext, useTranslate } from 'react-admin';
import { StateField, TierField } from '../components/chips';
import { RegionNameField, SchoolNameField } from '../components/fields';
import { ResponsiveDataTable } from '../components/list/ResponsiveDataTable';

function Table() {
  const { total, isPending } = useListContext();
  const translate = useTranslate();
  if (!isPending && !total) return <Typography color="text.secondary" sx={{ px: 2, pb: 2 }}>{translate('app.dashboard.no_schools')}</Typography>;
  return (
    <>
      <ResponsiveDataTable rowClick="show" bulkActionButtons={false} size="small">
        <DataTable.Col source="name" field={SchoolNameField} />
        <DataTable.Col source="regionId">
          <ReferenceField source="regionId" reference="regions" link={false}><RegionNameField /></ReferenceField>
        </DataTable.Col>
        <DataTable.Col source="tier" field={TierField} />
        <DataTable.Col source="status" field={StateField} />
      </ResponsiveDataTable>
      <Pagination rowsPerPageOptions={[10, 25]} />
    </>
  );
}

/** A provider's schools (the server lists only those they are assigned to). */
export function AssignedSchools() {
  const translate = useTranslate();
  return (
    <Card variant="outlined">
      <CardHeader title={translate('app.dashboard.assigned_schools')} slotProps={{ title: { variant: 'subtitle1', sx: { fontWeight: 600 } } }} />
      <ListBase resource="schools" sort={{ field: 'name', order: 'ASC' }} perPage={10} disableSyncWithLocation storeKey={false}>
        <Table />
      </ListBase>
    </Card>
  );
}
