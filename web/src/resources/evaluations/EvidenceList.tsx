import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Skeleton from '@mui/material/Skeleton';
import Typography from '@mui/material/Typography';
import AttachFileIcon from '@mui/icons-material/AttachFile';
import { useGetList, useLocaleState, useTranslate } from 'react-admin';
import { intlLocale } from '../../i18n';

/** GET /api/evidence rows. */
export interface EvidenceFile {
  id: number;
  schoolId: number;
  entityType: string;
  entityId: number | null;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  description: string | null;
  uploadedAt: string;
  uploaderName: string | null;
  downloadUrl: string;
}

export function formatSize(bytes: number, locale: string) {
  const f = new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 1 });
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${f.format(bytes / 1024)} KB`;
  return `${f.format(bytes / 1024 / 1024)} MB`;
}

/**
 * Evidence files matching a filter (a school's, or one record's), newest first, each a download
 * link; the record type is shown when the list mixes several.
 */
export function EvidenceList({ filter, showEntity = false, pageSize = 8 }: { filter: Record<string, unknown>; showEntity?: boolean; pageSize?: number }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const [perPage, setPerPage] = useState(pageSize);
  const { data, total, isPending, error } = useGetList<EvidenceFile>('evidence', {
    filter, sort: { field: 'uploadedAt', order: 'DESC' }, pagination: { page: 1, perPage },
  });
  if (error) return <Alert severity="error">{(error as Error).message}</Alert>;
  if (isPending) return <Skeleton height={80} />;
  if (!data?.length) return <Typography variant="body2" color="text.secondary">{translate('app.evaluation.no_evidence')}</Typography>;
  const dateFormat = new Intl.DateTimeFormat(intlLocale(locale), { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });
  return (
    <Box>
      <List dense disablePadding>
        {data.map((file) => (
          <ListItem key={file.id} disableGutters alignItems="flex-start">
            <ListItemIcon sx={{ minWidth: 32, mt: 0.5 }}><AttachFileIcon fontSize="small" /></ListItemIcon>
            <ListItemText
              primary={(
                <Box component="span" sx={{ display: 'inline-flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
                  <Link href={file.downloadUrl} target="_blank" rel="noopener" sx={{ wordBreak: 'break-all' }}>{file.fileName}</Link>
                  {showEntity ? <Chip size="small" variant="outlined" label={translate(`app.entity.${file.entityType}`, { _: file.entityType })} /> : null}
                </Box>
              )}
              secondary={[
                file.description,
                `${dateFormat.format(new Date(file.uploadedAt))}${file.uploaderName ? ` · ${file.uploaderName}` : ''} · ${formatSize(file.sizeBytes, locale)}`,
              ].filter(Boolean).join(' — ')}
            />
          </ListItem>
        ))}
      </List>
      {total != null && total > data.length ? (
        <Button size="small" onClick={() => setPerPage((n) => n + pageSize * 2)}>
          {translate('app.evaluation.more_files', { shown: data.length, total })}
        </Button>
      ) : null}
    </Box>
  );
}
