import { useRef, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
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
import { Confirm, useDataProvider, useGetList, useLocaleState, useNotify, useTranslate } from 'react-admin';
import { useQueryClient } from '@tanstack/react-query';
import { formatWhen } from '../dates';
import { useErrorText } from '../problem/parse-problem';
import { ACCEPTED_FILES, fileSize, uploadEvidence, type EvidenceFile } from './evidence-api';

export interface EvidenceProps {
  /** The record the files belong to (and new files are attached to). */
  entityType?: string;
  entityId?: number;
  /** Another selection instead (a school's files of every record, with `showEntity`). */
  filter?: Record<string, unknown>;
  /** Files may be attached (needs entityType and entityId). */
  upload?: boolean;
  /** Files may be deleted (while the record is editable). */
  remove?: boolean;
  /** Name each file's record type (a list mixing several). */
  showEntity?: boolean;
  newestFirst?: boolean;
  /** Files read at once; a button reads more. */
  pageSize?: number;
  accept?: string;
  emptyText?: string;
}

/**
 * The evidence files of a record (or of a selection), the one component for every screen: download
 * links for everyone who may see the record; attaching files where the user may (a refused file,
 * wrong type or too large, shows the server's problem and nothing is stored); deleting while the
 * record is editable.
 */
export function Evidence({
  entityType, entityId, filter, upload = false, remove = false, showEntity = false, newestFirst = false, pageSize = 100, accept = ACCEPTED_FILES, emptyText,
}: EvidenceProps) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const problemText = useErrorText();
  const notify = useNotify();
  const dataProvider = useDataProvider();
  const queryClient = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [perPage, setPerPage] = useState(pageSize);
  const [description, setDescription] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  const [toDelete, setToDelete] = useState<EvidenceFile>();
  const { data, total, isPending, error } = useGetList<EvidenceFile>('evidence', {
    filter: filter ?? { entityType, entityId },
    sort: { field: 'uploadedAt', order: newestFirst ? 'DESC' : 'ASC' },
    pagination: { page: 1, perPage },
  });

  const reload = async () => {
    await queryClient.invalidateQueries({ queryKey: ['evidence'] });
    await queryClient.invalidateQueries({ queryKey: ['audit-events'] });
  };

  const attach = async (files: FileList | null) => {
    const file = files?.[0];
    if (!file || !entityType || entityId == null) return;
    setBusy(true);
    setProblem(undefined);
    try {
      await uploadEvidence(entityType, entityId, file, description);
      setDescription('');
      notify('app.work.uploaded', { type: 'success', messageArgs: { name: file.name } });
      await reload();
    } catch (e) {
      setProblem(`${file.name}: ${problemText(e)}`);
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };

  const confirmDelete = async () => {
    if (!toDelete) return;
    const file = toDelete;
    setToDelete(undefined);
    setProblem(undefined);
    try {
      await dataProvider.delete('evidence', { id: file.id, previousData: file });
      await reload();
    } catch (e) {
      setProblem(`${file.fileName}: ${problemText(e)}`);
    }
  };

  return (
    <Box data-testid="attachments">
      {error ? (
        <Alert severity="error">{problemText(error)}</Alert>
      ) : isPending ? (
        <CircularProgress size={20} />
      ) : data?.length ? (
        <List dense disablePadding>
          {data.map((f) => (
            <ListItem
              key={f.id}
              disableGutters
              secondaryAction={remove ? (
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
                primary={(
                  <Box component="span" sx={{ display: 'inline-flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
                    <Link href={f.downloadUrl} target="_blank" rel="noopener" sx={{ wordBreak: 'break-all' }}>{f.fileName}</Link>
                    {showEntity ? <Chip size="small" variant="outlined" label={translate(`app.entity.${f.entityType}`, { _: f.entityType })} /> : null}
                  </Box>
                )}
                secondary={[f.description, formatWhen(f.uploadedAt, locale, false), f.uploaderName, fileSize(f.sizeBytes, locale)].filter(Boolean).join(' · ')}
              />
            </ListItem>
          ))}
        </List>
      ) : (
        <Typography variant="body2" color="text.secondary">{emptyText ?? translate('app.workflow.attachments.none')}</Typography>
      )}
      {total != null && data && total > data.length ? (
        <Button size="small" onClick={() => setPerPage((n) => n + pageSize * 2)}>
          {translate('app.evaluation.more_files', { shown: data.length, total })}
        </Button>
      ) : null}
      {upload ? (
        <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, alignItems: 'center', mt: 1 }}>
          <TextField
            size="small"
            label={translate('app.workflow.attachments.description')}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
            slotProps={{ htmlInput: { maxLength: 1000 } }}
            sx={{ minWidth: 260, flexGrow: 1 }}
          />
          <Button
            variant="outlined"
            sx={{ whiteSpace: 'nowrap', flexShrink: 0 }}
            startIcon={busy ? <CircularProgress size={16} /> : <AttachFileIcon />}
            disabled={busy}
            onClick={() => input.current?.click()}
          >
            {translate('app.workflow.attachments.upload')}
          </Button>
          <input ref={input} type="file" hidden accept={accept} data-testid="attachment-input" onChange={(e) => attach(e.target.files)} />
          <Typography variant="caption" color="text.secondary">{translate('app.workflow.attachments.hint')}</Typography>
        </Box>
      ) : null}
      {problem ? <Alert severity="error" role="alert" sx={{ mt: 1 }} onClose={() => setProblem(undefined)}>{problem}</Alert> : null}
      <Confirm
        isOpen={!!toDelete}
        title={translate('app.workflow.attachments.delete_title')}
        content={translate('app.workflow.attachments.delete_content', { name: toDelete?.fileName ?? '' })}
        onConfirm={confirmDelete}
        onClose={() => setToDelete(undefined)}
      />
    </Box>
  );
}
