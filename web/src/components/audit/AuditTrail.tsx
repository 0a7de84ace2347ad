import CardContent from '@mui/material/CardContent';
import Typography from '@mui/material/Typography';
import { DataTable, ListBase, Pagination, TextField, useListContext, useTranslate } from 'react-admin';
import { TranslatedField } from '../chips';
import { LocalDateField } from '../fields';
import { AuditDataPanel, compactColumns, EntityField, TransitionField } from './AuditEventFields';

function TrailTable({ showEntity }: { showEntity: boolean }) {
  const { total, isPending } = useListContext();
  const translate = useTranslate();
  if (!isPending && !total) {
    return (
      <CardContent>
        <Typography variant="body2" color="text.secondary">{translate('app.common.no_history')}</Typography>
      </CardContent>
    );
  }
  return (
    <>
      <DataTable bulkActionButtons={false} rowClick={false} expand={<AuditDataPanel />} size="small" sx={compactColumns}>
        <DataTable.Col source="at">
          <LocalDateField source="at" showTime />
        </DataTable.Col>
        {showEntity ? <DataTable.Col source="entityType" field={EntityField} /> : null}
        <DataTable.Col source="action">
          <TranslatedField source="action" prefix="app.action" />
        </DataTable.Col>
        <DataTable.Col source="transition" disableSort field={TransitionField} />
        <DataTable.Col source="actorName" disableSort />
        <DataTable.Col source="comment" disableSort field={TextField} />
      </DataTable>
      <Pagination rowsPerPageOptions={[10, 25, 50]} />
    </>
  );
}

/** The audit events of one record or school, newest first, inside another page. */
export function AuditTrail({ filter, showEntity = true }: { filter: Record<string, unknown>; showEntity?: boolean }) {
  return (
    <ListBase resource="audit-events" filter={filter} sort={{ field: 'at', order: 'DESC' }} perPage={10} disableSyncWithLocation storeKey={false}>
      <TrailTable showEntity={showEntity} />
    </ListBase>
  );
}
