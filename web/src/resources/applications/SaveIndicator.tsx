import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Typography from '@mui/material/Typography';
import CloudDoneOutlinedIcon from '@mui/icons-material/CloudDoneOutlined';
import CloudOffOutlinedIcon from '@mui/icons-material/CloudOffOutlined';
import EditNoteIcon from '@mui/icons-material/EditNote';
import { useLocaleState, useTranslate } from 'react-admin';
import { intlLocale } from '../../i18n';
import { useErrorText } from '../../components/problem/parse-problem';
import type { SaveState } from './useAutosave';

/** "已保存 14:05" / "正在保存…" / what went wrong, beside the form's buttons. */
export function SaveIndicator({ state, onRetry }: { state: SaveState; onRetry: () => void }) {
  const translate = useTranslate();
  const errorText = useErrorText();
  const [locale] = useLocaleState();
  const time = state.savedAt
    ? new Intl.DateTimeFormat(intlLocale(locale), { hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(state.savedAt)
    : '';
  let icon = <CloudDoneOutlinedIcon fontSize="small" color="disabled" />;
  let text = translate('resources.applications.autosave.idle');
  let color = 'text.secondary';
  switch (state.status) {
    case 'dirty':
      icon = <EditNoteIcon fontSize="small" color="action" />;
      text = translate('resources.applications.autosave.dirty');
      break;
    case 'saving':
      icon = <CircularProgress size={14} />;
      text = translate('resources.applications.autosave.saving');
      break;
    case 'saved':
      icon = <CloudDoneOutlinedIcon fontSize="small" color="success" />;
      text = translate('resources.applications.autosave.saved', { time });
      color = 'success.main';
      break;
    case 'invalid':
      icon = <CloudOffOutlinedIcon fontSize="small" color="error" />;
      text = translate('resources.applications.autosave.invalid');
      color = 'error.main';
      break;
    case 'error':
      icon = <CloudOffOutlinedIcon fontSize="small" color="error" />;
      text = translate('resources.applications.autosave.error', { message: errorText(state.error) });
      color = 'error.main';
      break;
    case 'conflict':
      icon = <CloudOffOutlinedIcon fontSize="small" color="warning" />;
      text = translate('resources.applications.autosave.conflict');
      color = 'warning.main';
      break;
  }
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, minWidth: 0 }} role="status" aria-live="polite" data-testid="save-status" data-status={state.status}>
      {icon}
      <Typography variant="body2" sx={{ color, overflow: 'hidden', textOverflow: 'ellipsis' }}>{text}</Typography>
      {state.status === 'error' ? <Button size="small" onClick={onRetry}>{translate('resources.applications.autosave.retry')}</Button> : null}
    </Box>
  );
}
