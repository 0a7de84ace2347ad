import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import MenuItem from '@mui/material/MenuItem';
import Switch from '@mui/material/Switch';
import MarkEmailReadIcon from '@mui/icons-material/MarkEmailRead';
import { useEffect, useState } from 'react';
import { useNotify, useTranslate } from 'react-admin';
import { httpClient } from '../providers/httpClient';
import { apiUrl } from '../providers/dataProvider';

/**
 * The user menu's switch for the daily digest mail (what waits for the user, once a day):
 * GET / PUT /api/auth/me/preferences { digestEnabled }.
 */
export function DigestMenuItem() {
  const translate = useTranslate();
  const notify = useNotify();
  const [enabled, setEnabled] = useState<boolean | undefined>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    let live = true;
    httpClient(apiUrl('/auth/me/preferences'))
      .then(({ json }) => { if (live) setEnabled((json as { digestEnabled: boolean }).digestEnabled); })
      .catch(() => undefined);
    return () => { live = false; };
  }, []);
  const toggle = async () => {
    if (enabled === undefined || busy) return;
    const next = !enabled;
    setBusy(true);
    try {
      const { json } = await httpClient(apiUrl('/auth/me/preferences'), { method: 'PUT', body: JSON.stringify({ digestEnabled: next }) });
      setEnabled((json as { digestEnabled: boolean }).digestEnabled);
      notify(next ? 'app.mail.digest_on' : 'app.mail.digest_off', { type: 'info' });
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <MenuItem onClick={toggle} disabled={enabled === undefined || busy} title={translate('app.mail.digest_help')}>
      <ListItemIcon><MarkEmailReadIcon fontSize="small" /></ListItemIcon>
      <ListItemText>{translate('app.mail.digest')}</ListItemText>
      <Switch edge="end" size="small" checked={enabled ?? false} slotProps={{ input: { 'aria-label': translate('app.mail.digest') } }} tabIndex={-1} />
    </MenuItem>
  );
}
