import Chip from '@mui/material/Chip';
import { useRecordContext, useTranslate } from 'react-admin';
import { mailStatusTone } from './mail-vocabulary';

/** A mail's delivery state as a chip: queued, sent, failed. */
export function MailStatusField(_props: { source?: string; label?: string }) {
  const record = useRecordContext<{ status: string }>();
  const translate = useTranslate();
  if (!record) return null;
  return <Chip size="small" color={mailStatusTone[record.status] ?? 'default'} label={translate(`app.mail.status.${record.status}`, { _: record.status })} />;
}
