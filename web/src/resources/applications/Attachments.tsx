import { useRef, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import IconButton from '@mui/material/IconButton';
import Link from '@mui/material/Link';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import AttachFileIcon from '@mui/icons-material/AttachFile';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutlined';
import InsertDriveFileOutlinedIcon from '@mui/icons-material/InsertDriveFileOutlined';
import ImageOutlinedIcon from '@mui/icons-material/ImageOutlined';
import { Confirm, useDataProvider, useGetList, useLocaleState, useTranslate } from 'react-admin';
import { useQueryClient } from '@tanstack/react-query';
import { httpClient } from '../../providers/httpClient';
import { API_URL } from '../../providers/dataProvider';
import { intlLocale } from '../../i18n';
import { messageOf } from './workflow-action';

export interface EvidenceFile {
  id: number;
  entityType: string;
  entityId: number;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  description: string | null;
  uploaderName: string | null;
  uploadedAt: string;
  downloadUrl: string;
}

/** What the server accepts (server/src/modules/storage/file-types.ts); the server checks again. */
export const ACCEPTED_FILES = '.pdf,.png,.jpg,.jpeg,.webp,.doc,.docx,.xls,.xlsx,.ppt,.pptx';
export const ACCEPTED_IMAGES = '.png,.jpg,.jpeg,.webp';

export function fileSize(bytes: number, locale: string) {
  const f = new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 1 });
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${f.format(bytes / 1024)} KB`;
  return `${f.format(bytes / 1024 / 1024)} MB`;
}

/** POST /api/evidence as multipart/form-data; answers the stored record (with downloadUrl). */
export async function uploadEvidence(entityType: string, entityId: number, file: File, description?: string): Promise<EvidenceFile> {
  const body = new FormData();
  body.append('entityType', entityType);
  body.append('entityId', String(entityId));
  if (description?.trim()) body.append('description', description.trim());
  body.append('file', file);
  const { json } = await httpClient(`${API_URL}/evidence`, { method: 'POST', body });
  return json as EvidenceFile;
}

/**
 * The files attached to a record: download links for everyone who may see the record; upload and
 * delete while the record is editable. A refused file (wrong type, too large) shows the server's
 * message and nothing is stored.
 */
export function Attachments({ entityType, entityId, editable, accept = ACCEPTED_FILES, emptyText }: {
  entityType: string;
  entityId: number;
  editable: boolean;
  accept?: string;
  emptyText?: string;
}) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const dataProvider = useDataProvider();
  const queryClient = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [description, setDescription] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [toDelete, setToDelete] = useState<EvidenceFile>();
  const { data, isPending, refetch } = useGetList<EvidenceFile>('evidence', {
    filter: { entityType, entityId },
    sort: { field: 'uploadedAt', order: 'ASC' },
    pagination: { page: 1, perPage: 100 },
  });

  const reload = async () => {
    await refetch();
    await queryClient.invalidateQueries({ queryKey: ['audit-events'] });
  };

  const upload = async (files: FileList | null) => {
    const file = files?.[0];
    if (!file) return;
    setBusy(true);
    setError(undefined);
    try {
      await uploadEvidence(entityType, entityId, file, description);
      setDescription('');
      await reload();
    } catch (e) {
      setError(`${file.name}: ${messageOf(e)}`);
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };

  const remove = async () => {
    if (!toDelete) return;
    const file = toDelete;
    setToDelete(undefined);
    setError(undefined);
    try {
      await dataProvider.delete('evidence', { id: file.id, previousData: file });
      await reload();
    } catch (e) {
      setError(`${file.fileName}: ${messageOf(e)}`);
    }
  };

  return (
    <Box data-testid="attachments">
      {isPending ? (
        <CircularProgress size={20} />
      ) : data?.length ? (
        <List dense disablePadding>
          {data.map((f) => (
            <ListItem
              key={f.id}
              disableGutters
              secondaryAction={editable ? (
                <Tooltip title={translate('ra.action.delete')}>
                  <IconButton edge="end" aria-label={`${translate('ra.action.delete')} ${f.fileName}`} onClick={() => setToDelete(f)}>
                    <DeleteOutlineIcon />
                  </IconButton>
                </Tooltip>
              ) : undefined}
            >
              <ListItemIcon sx={{ minWidth: 36 }}>
                {f.contentType.startsWith('image/') ? <ImageOutlinedIcon /> : <InsertDriveFileOutlinedIcon />}
              </ListItemIcon>
              <ListItemText
                primary={<Link href={f.downloadUrl} target="_blank" rel="noopener">{f.fileName}</Link>}
                secondary={[f.description, fileSize(f.sizeBytes, locale), f.uploaderName].filter(Boolean).join(' · ')}
              />
            </ListItem>
          ))}
        </List>
      ) : (
        <Typography variant="body2" color="text.secondary">{emptyText ?? translate('app.workflow.attachments.none')}</Typography>
      )}
      {editable ? (
        <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, alignItems: 'center', mt: 1 }}>
          <TextField
            size="small"
            label={translate('app.workflow.attachments.description')}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
            slotProps={{ htmlInput: { maxLength: 1000 } }}
            sx={{ minWidth: 260 }}
          />
          <Button
            variant="outlined"
            startIcon={busy ? <CircularProgress size={16} /> : <AttachFileIcon />}
            disabled={busy}
            onClick={() => input.current?.click()}
          >
            {translate('app.workflow.attachments.upload')}
          </Button>
          <input
            ref={input}
            type="file"
            hidden
            accept={accept}
            data-testid="attachment-input"
            onChange={(e) => upload(e.target.files)}
          />
          <Typography variant="caption" color="text.secondary">{translate('app.workflow.attachments.hint')}</Typography>
        </Box>
      ) : null}
      {error ? <Alert severity="error" role="alert" sx={{ mt: 1 }} onClose={() => setError(undefined)}>{error}</Alert> : null}
      <Confirm
        isOpen={!!toDelete}
        title={translate('app.workflow.attachments.delete_title')}
        content={translate('app.workflow.attachments.delete_content', { name: toDelete?.fileName ?? '' })}
        onConfirm={remove}
        onClose={() => setToDelete(undefined)}
      />
    </Box>
  );
}
