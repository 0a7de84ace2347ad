import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import { useRecordContext, useTranslate } from 'react-admin';

/** The certificates a site examines (or a session's one), in words. */
export function KindsField({ source = 'kinds' }: { source?: string; label?: string }) {
  const record = useRecordContext();
  const translate = useTranslate();
  const value = record?.[source];
  const kinds = Array.isArray(value) ? (value as string[]) : value ? [String(value)] : [];
  return (
    <Stack direction="row" spacing={0.5} sx={{ flexWrap: 'wrap' }}>
      {kinds.map((k) => <Chip key={k} size="small" variant="outlined" label={translate(`app.certificate_kind.${k}`, { _: k })} />)}
    </Stack>
  );
}
