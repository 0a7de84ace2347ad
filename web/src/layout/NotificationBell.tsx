import { useEffect, useState } from 'react';
import Badge from '@mui/material/Badge';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Divider from '@mui/material/Divider';
import IconButton from '@mui/material/IconButton';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Popover from '@mui/material/Popover';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import NotificationsIcon from '@mui/icons-material/Notifications';
import NotificationsNoneIcon from '@mui/icons-material/NotificationsNone';
import { formatDistanceToNow } from 'date-fns';
import { enUS, zhCN } from 'date-fns/locale';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useLocation, useNavigate } from 'react-router-dom';
import { useCanAccess, useDataProvider, useLocaleState, useResourceDefinitions, useTranslate } from 'react-admin';
import { httpClient } from '../providers/httpClient';
import { API_URL } from '../providers/dataProvider';
import { notificationPath, useNotificationText, type Notification } from '../resources/notifications/notification-text';

/** How often the bell asks for the unread count (and again whenever the window gets focus). */
export const POLL_MS = 30_000;
const LATEST = 8;

const countKey = ['notifications', 'unread-count'] as const;

/** GET /api/notifications/unread-count → { unread }. */
async function fetchUnread(): Promise<number> {
  const { json } = await httpClient(`${API_URL}/notifications/unread-count`);
  return Number((json as { unread?: unknown })?.unread ?? 0) || 0;
}

/** POST /api/notifications/read with { ids } or { all: true }. */
export async function markRead(body: { ids: number[] } | { all: true }) {
  await httpClient(`${API_URL}/notifications/read`, { method: 'POST', body: JSON.stringify(body) });
}

/** Refreshes the bell's count and every notification list after something was read. */
export function useNotificationsChanged() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ['notifications'] });
}

/**
 * The app bar's bell: how many notifications are unread (asked every 30 s and on focus), the latest
 * ones in a menu that link to their records, and "mark all read".
 */
export function NotificationBell() {
  const translate = useTranslate();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const { canAccess } = useCanAccess({ resource: 'notifications', action: 'list' });
  const { data: unread = 0, refetch } = useQuery({
    queryKey: countKey,
    queryFn: fetchUnread,
    enabled: !!canAccess,
    refetchInterval: POLL_MS,
    refetchOnWindowFocus: true,
    retry: false,
  });
  // A user moving to another screen sees the count as it is now, not as of the last poll.
  const { pathname } = useLocation();
  useEffect(() => {
    if (canAccess) void refetch();
  }, [pathname, canAccess, refetch]);
  if (!canAccess) return null;
  const label = unread
    ? translate('app.notification.unread', { smart_count: unread })
    : translate('app.notification.title');
  return (
    <>
      <Tooltip title={label}>
        <IconButton color="inherit" onClick={(e) => setAnchor(e.currentTarget)} aria-label={label} data-testid="notification-bell">
          {/* The name holds the number the badge shows (label in name): no hidden "0", no "99+". */}
          {unread ? (
            <Badge badgeContent={unread} color="error" max={Number.MAX_SAFE_INTEGER} data-testid="notification-count">
              <NotificationsIcon />
            </Badge>
          ) : (
            <NotificationsNoneIcon />
          )}
        </IconButton>
      </Tooltip>
      <Popover
        open={!!anchor}
        anchorEl={anchor}
        onClose={() => setAnchor(null)}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
        transformOrigin={{ vertical: 'top', horizontal: 'right' }}
        slotProps={{ paper: { sx: { width: 380, maxWidth: '95vw' } } }}
      >
        {anchor ? <NotificationMenu unread={unread} onClose={() => setAnchor(null)} /> : null}
      </Popover>
    </>
  );
}

function NotificationMenu({ unread, onClose }: { unread: number; onClose: () => void }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const navigate = useNavigate();
  const dataProvider = useDataProvider();
  const changed = useNotificationsChanged();
  const textOf = useNotificationText();
  const definitions = useResourceDefinitions();
  const [error, setError] = useState<string>();
  const { data, isPending } = useQuery({
    queryKey: ['notifications', 'latest'],
    queryFn: async () =>
      (await dataProvider.getList<Notification>('notifications', {
        pagination: { page: 1, perPage: LATEST },
        sort: { field: 'createdAt', order: 'DESC' },
        filter: {},
      })).data,
  });

  const open = async (n: Notification) => {
    onClose();
    if (!n.readAt) markRead({ ids: [n.id] }).then(changed, () => undefined);
    navigate(notificationPath(n));
  };
  const readAll = async () => {
    setError(undefined);
    try {
      await markRead({ all: true });
      await changed();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <Box data-testid="notification-menu">
      <Box sx={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', px: 2, py: 1 }}>
        <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>{translate('app.notification.title')}</Typography>
        <Button size="small" onClick={readAll} disabled={!unread}>{translate('app.notification.mark_all_read')}</Button>
      </Box>
      <Divider />
      {isPending ? (
        <Box sx={{ p: 2, textAlign: 'center' }}><CircularProgress size={20} aria-label={translate('ra.page.loading')} /></Box>
      ) : !data?.length ? (
        <Typography variant="body2" color="text.secondary" sx={{ p: 2 }}>{translate('app.notification.none')}</Typography>
      ) : (
        <List dense disablePadding sx={{ maxHeight: 420, overflow: 'auto' }}>
          {data.map((n) => {
            const { text, comment } = textOf(n);
            return (
              <ListItemButton key={n.id} onClick={() => open(n)} sx={{ alignItems: 'flex-start', bgcolor: n.readAt ? undefined : 'action.hover' }} data-testid="notification-item" data-unread={!n.readAt || undefined}>
                <Box sx={{ width: 8, height: 8, borderRadius: '50%', bgcolor: n.readAt ? 'transparent' : 'error.main', mt: 1, mr: 1.5, flexShrink: 0 }} />
                <ListItemText
                  primary={text}
                  secondary={
                    <>
                      {comment ? <Box component="span" sx={{ display: 'block', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>{comment}</Box> : null}
                      {formatDistanceToNow(new Date(n.createdAt), { addSuffix: true, locale: locale === 'en' ? enUS : zhCN })}
                    </>
                  }
                  slotProps={{ primary: { sx: { fontWeight: n.readAt ? 400 : 600 } } }}
                />
              </ListItemButton>
            );
          })}
        </List>
      )}
      {error ? <Typography variant="body2" color="error" sx={{ px: 2, py: 1 }}>{error}</Typography> : null}
      {definitions.notifications?.hasList ? (
        <>
          <Divider />
          <Box sx={{ textAlign: 'center', py: 0.5 }}>
            <Button size="small" onClick={() => { onClose(); navigate('/notifications'); }}>{translate('app.common.view_all')}</Button>
          </Box>
        </>
      ) : null}
    </Box>
  );
}
