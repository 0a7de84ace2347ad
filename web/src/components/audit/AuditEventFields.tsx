import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import ArrowForwardIcon from '@mui/icons-material/ArrowForward';
import { Link as RouterLink } from 'react-router-dom';
import { useCanAccess, useCreatePath, useRecordContext, useResourceDefinitions, useTranslate } from 'react-admin';
import { StateChip } from '../chips';
import type { AuditEventRecord, FieldChanges } from '@campus/common';
import { resourceOfEntity } from './entity-links';

/** An audit event as /api/audit-events answers it: its action and data typed per entity (@campus/common). */
export type AuditEvent = AuditEventRecord;

/** Short columns stay on one line; the comment takes the rest of the width. */
export const compactColumns = {
  '& th': { whiteSpace: 'nowrap' },
  '& td:not(.column-comment)': { whiteSpace: 'nowrap' },
} as const;

/** What an import's event names: the list it filled and how many rows (an import is no one record, its entityId is 0). */
export function importOf(record: Pick<AuditEvent, 'action' | 'entityId' | 'entityType'> & { data?: unknown }) {
  if (record.action !== 'import' || record.entityId) return null;
  const data = (record.data ?? {}) as { resource?: unknown; created?: unknown; updated?: unknown };
  const count = (v: unknown) => (typeof v === 'number' ? v : 0);
  return {
    resource: typeof data.resource === 'string' ? data.resource : resourceOfEntity(record.entityType),
    rows: count(data.created) + count(data.updated),
  };
}

/** "申报 #12", linked to the record when the user may open it; an import as "导入 30 条学生记录", linked to that list. */
export function EntityField() {
  const record = useRecordContext<AuditEvent>();
  const translate = useTranslate();
  const createPath = useCreatePath();
  const definitions = useResourceDefinitions();
  const imported = record ? importOf(record) : null;
  const resource = imported?.resource ?? (record ? resourceOfEntity(record.entityType) : '');
  const { canAccess } = useCanAccess({ resource, action: imported ? 'list' : 'show' });
  if (!record) return null;
  const entity = translate(`app.entity.${record.entityType}`, { _: record.entityType });
  if (imported) {
    const label = translate('app.activity.imported', { entity, n: imported.rows, smart_count: imported.rows });
    if (!canAccess || !definitions[resource]?.hasList) return <span>{label}</span>;
    return <Link component={RouterLink} to={`/${resource}`} onClick={(e) => e.stopPropagation()}>{label}</Link>;
  }
  const label = `${entity} #${record.entityId}`;
  if (!canAccess || !definitions[resource]?.hasShow) return <span>{label}</span>;
  return (
    <Link component={RouterLink} to={createPath({ resource, type: 'show', id: record.entityId })} onClick={(e) => e.stopPropagation()}>
      {label}
    </Link>
  );
}

export function TransitionField() {
  const record = useRecordContext<AuditEvent>();
  if (!record || (!record.fromState && !record.toState)) return null;
  return (
    <Box sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5 }}>
      {record.fromState ? <StateChip state={record.fromState} entity={record.entityType} /> : null}
      {record.fromState && record.toState ? <ArrowForwardIcon fontSize="small" color="action" /> : null}
      {record.toState ? <StateChip state={record.toState} entity={record.entityType} /> : null}
    </Box>
  );
}

const show = (v: unknown) => (v === null || v === undefined ? '—' : typeof v === 'object' ? JSON.stringify(v) : String(v));

/** The event's data: a before/after table for edits (`changes`: facts, users, applications, tier policies), else the raw JSON. */
export function AuditDataPanel() {
  const record = useRecordContext<AuditEvent>();
  const translate = useTranslate();
  if (!record) return null;
  const data = record.data as { changes?: FieldChanges } | null;
  if (data?.changes && Object.keys(data.changes).length) {
    const resource = resourceOfEntity(record.entityType);
    return (
      <Table size="small" sx={{ maxWidth: 640 }}>
        <TableHead>
          <TableRow>
            <TableCell />
            <TableCell>{translate('resources.audit-events.fields.fromState')}</TableCell>
            <TableCell>{translate('resources.audit-events.fields.toState')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {Object.entries(data.changes).map(([field, change]) => (
            <TableRow key={field}>
              <TableCell>{translate(`resources.${resource}.fields.${field}`, { _: field })}</TableCell>
              <TableCell>{show(change.from)}</TableCell>
              <TableCell>{show(change.to)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    );
  }
  if (record.data == null) return <Typography variant="body2" color="text.secondary">—</Typography>;
  return (
    <Box component="pre" sx={{ m: 0, fontSize: 12, whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
      {JSON.stringify(record.data, null, 2)}
    </Box>
  );
}
