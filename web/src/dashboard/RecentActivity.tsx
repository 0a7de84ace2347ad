import Card from '@mui/material/Card';
import CardHeader from '@mui/material/CardHeader';
import Button from '@mui/material/Button';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import { Link } from 'react-router-dom';
import { RecordContextProvider, useCanAccess, useGetList, useTranslate } from 'react-admin';
import { LocalDateField } from '../components/fields';
import { EntityField, TransitionField, type AuditEvent } from '../components/audit/AuditEventFields';
import { programmeEntityTypes } from '../components/audit/entity-links';

export function RecentActivity({ filter = {} }: { filter?: Record<string, unknown> }) {
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ resource: 'audit-events', action: 'list' });
  const { data, isPending } = useGetList<AuditEvent>(
    'audit-events',
    { filter: { entityType: programmeEntityTypes, ...filter }, sort: { field: 'at', order: 'DESC' }, pagination: { page: 1, perPage: 8 } },
    { enabled: canAccess === true },
  );
  if (!canAccess) return null;
  return (
    <Card variant="outlined">
      <CardHeader
        title={translate('app.dashboard.recent_activity')}
        slotProps={{ title: { variant: 'subtitle1', sx: { fontWeight: 600 } } }}
        action={<Button component={Link} to="/audit-events" size="small">{translate('app.common.view_all')}</Button>}
      />
      {!isPending && !data?.length ? (
        <Typography variant="body2" color="text.secondary" sx={{ px: 2, pb: 2 }}>{translate('app.dashboard.no_activity')}</Typography>
      ) : (
        <List dense disablePadding>
          {data?.map((event) => (
            <RecordContextProvider key={event.id} value={event}>
              <ListItem divider>
                <ListItemText
                  primary={
                    <span style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}>
                      <strong>{translate(`app.action.${event.action}`, { _: event.action })}</strong>
                      <EntityField />
                      <TransitionField />
                    </span>
                  }
                  secondary={
                    <span>
                      {event.actorName ?? '—'} · <LocalDateField source="at" showTime />
                      {event.comment ? ` · ${event.comment}` : ''}
                    </span>
                  }
                />
              </ListItem>
            </RecordContextProvider>
          ))}
        </List>
      )}
    </Card>
  );
}
