import type { ReactNode } from 'react';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import DownloadIcon from '@mui/icons-material/Download';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { useTranslate } from 'react-admin';
import type { DryRun } from './importApi';

/** Updated rows listed in the preview, at most. */
const LISTED_UPDATES = 50;

/**
 * What a file would do, from the server's dry run (nothing has changed yet): how many rows it
 * creates, updates, leaves and refuses; the updated rows' changed columns; the refused rows'
 * problems (`report`). The import is offered only when no row is refused.
 */
export function ImportPreview({ dry, upsert, busy, onImport, report, onDownloadReport, label }: {
  dry: DryRun;
  upsert: boolean;
  busy: boolean;
  onImport: () => void;
  report: ReactNode;
  onDownloadReport: () => void;
  label: (column: string) => string;
}) {
  const translate = useTranslate();
  const updates = dry.rows.filter((r) => r.outcome === 'updated').slice(0, LISTED_UPDATES);
  const nothing = dry.created + dry.updated === 0;
  return (
    <Card variant="outlined" sx={{ borderColor: dry.rejected ? 'error.main' : 'success.main' }} data-testid="import-preview">
      <CardContent>
        <Typography variant="subtitle1" sx={{ fontWeight: 600, mb: 1 }}>{translate('app.import.preview_title')}</Typography>
        <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', mb: 2 }}>
          <Chip color="success" variant="outlined" label={translate('app.import.will_create', { count: dry.created })} />
          {upsert ? <Chip color="info" variant="outlined" label={translate('app.import.will_update', { count: dry.updated })} /> : null}
          {upsert ? <Chip variant="outlined" label={translate('app.import.unchanged', { count: dry.unchanged })} /> : null}
          <Chip color={dry.rejected ? 'error' : 'default'} variant="outlined" label={translate('app.import.rejected', { count: dry.rejected })} />
        </Stack>
        {updates.length ? (
          <Stack spacing={0.5} sx={{ mb: 2 }} data-testid="import-updates">
            {updates.map((r) => (
              <Typography key={r.row} variant="body2">
                {translate('app.import.update_row', { row: r.row, fields: (r.changes ?? []).map(label).join(translate('app.import.list_separator')) })}
              </Typography>
            ))}
          </Stack>
        ) : null}
        {dry.truncated ? <Typography variant="caption" color="text.secondary" component="p" sx={{ mb: 1 }}>{translate('app.import.truncated')}</Typography> : null}
        {dry.rejected ? (
          <>
            <Alert
              severity="error"
              sx={{ mb: 2 }}
              action={<Button color="inherit" size="small" startIcon={<DownloadIcon />} onClick={onDownloadReport}>{translate('app.import.download_report')}</Button>}
            >
              <AlertTitle>{translate('app.import.refused', { smart_count: dry.rejected, count: dry.rejected })}</AlertTitle>
              {translate('app.import.refused_help')}
            </Alert>
            {report}
          </>
        ) : (
          <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
            <Button variant="contained" color="success" onClick={onImport} disabled={busy || nothing} startIcon={<UploadFileIcon />}>
              {translate('app.import.submit')}
            </Button>
            <Typography variant="body2" color="text.secondary">{translate(nothing ? 'app.import.nothing_to_do' : 'app.import.ready')}</Typography>
          </Stack>
        )}
      </CardContent>
    </Card>
  );
}
