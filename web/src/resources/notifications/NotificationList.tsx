import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import DoneAllIcon from '@mui/icons-material/DoneAll';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import {
  DataTable,
  List,
  TopToolbar,
  useListContext,
  useNotify,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { useNavigate } from 'react-router-dom';
import { When } from '../../components/History';
import { markRead, useNotificationsChanged } from '../../layout/NotificationBell';
import { BulkActionButton } from '../../components/bulk/BulkActionButton';
import { markNotificationsRead } from '../../components/bulk/bulkApi';
import { notificationPath, useNotificationText, type Notification } from './notification-text';
import { ResponsiveDataTable } from '../../components/list/ResponsiveDataTable';

function TextField() {
  const record = useRecordContext<Notification>();
  const textOf = useNotificationText();
  if (!record) return null;
  const { text, comment } = textOf(record);
  return (
    <Box>
      <Box component="span" sx={{ fontWeight: record.readAt ? 400 : 600 }}>{text}</Box>
      {comment ? <Box sx={{ color: 'text.secondary', fontSize: '0.85em', mt: 0.25 }}>{comment}</Box> : null}
    </Box>
  );
}

function ReadField() {
  const record = useRecordContext<Notification>();
  const translate = useTranslate();
  if (!record) return null;
  return record.readAt
    ? <Chip size="small" variant="outlined" label={translate('app.notification.read')} />
    : <Chip size="small" color="error" label={translate('app.notification.unread_one')} />;
}

function CreatedField() {
  const record = useRecordContext<Notification>();
  return record ? <When at={record.createdAt} /> : null;
}

function MarkSelectedRead() {
  const changed = useNotificationsChanged();
  return (
    <BulkActionButton
      resource="notifications"
      label="app.notification.mark_read"
      icon={<DoneAllIcon />}
      title="app.notification.mark_read"
      run={(dp, ids) => markNotificationsRead(dp, ids)}
      done="app.bulk.mark_read_done"
      after={changed}
    />
  );
}

/** All or unread only (the server's filter takes true or false; "all" sends none). */
function UnreadToggle() {
  const { filterValues, setFilters } = useListContext();
  const translate = useTranslate();
  return (
    <ToggleButtonGroup
      size="small"
      exclusive
      value={filterValues.unread === true ? 'unread' : 'all'}
      onChange={(_, v: 'unread' | 'all' | null) => {
        if (!v) return;
        const { unread: _u, ...rest } = filterValues;
        setFilters(v === 'unread' ? { ...rest, unread: true } : rest, {});
      }}
    >
      <ToggleButton value="all">{translate('resources.applications.list.all')}</ToggleButton>
      <ToggleButton value="unread">{translate('app.notification.only_unread')}</ToggleButton>
    </ToggleButtonGroup>
  );
}

function Actions() {
  const translate = useTranslate();
  const changed = useNotificationsChanged();
  const notify = useNotify();
  return (
    <TopToolbar sx={{ alignItems: 'center' }}>
      <UnreadToggle />
      <Button
        size="small"
        startIcon={<DoneAllIcon />}
        onClick={async () => {
          try {
            await markRead({ all: true });
            await changed();
          } catch (e) {
            notify((e as Error).message, { type: 'error' });
          }
        }}
      >
        {translate('app.notification.mark_all_read')}
      </Button>
    </TopToolbar>
  );
}

/** Everything the signed-in user was notified of; opening one marks it read and goes to its record. */
export function NotificationList() {
  const navigate = useNavigate();
  const changed = useNotificationsChanged();
  return (
    <List
      sort={{ field: 'createdAt', order: 'DESC' }}
      perPage={25}
      actions={<Actions />}
      storeKey={false}
    >
      <ResponsiveDataTable
        bulkActionButtons={<MarkSelectedRead />}
        rowClick={(_id, _resource, record) => {
          const n = record as Notification;
          if (!n.readAt) markRead({ ids: [n.id] }).then(changed, () => undefined);
          navigate(notificationPath(n));
          return false;
        }}
      >
        <DataTable.Col source="kind" disableSort field={TextField} />
        <DataTable.Col source="readAt" field={ReadField} />
        <DataTable.Col source="createdAt" field={CreatedField} />
      </ResponsiveDataTable>
    </List>
  );
}
