import { useRef, useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { useQueryClient } from '@tanstack/react-query';
import { useNotify, useTranslate } from 'react-admin';
import { httpClient } from '../../providers/httpClient';
import { API_URL } from '../../providers/dataProvider';
import { problemOf } from './workflow';

/** What the server accepts (server/src/modules/storage/file-types.ts), up to 10 MB; it checks again. */
export const ACCEPTED_EVIDENCE = '.pdf,.png,.jpg,.jpeg,.webp,.doc,.docx,.xls,.xlsx,.ppt,.pptx';

/**
 * Attaches a file to a record (POST /api/evidence, multipart/form-data). A refused file (type, size)
 * shows the server's message and nothing is stored; the evidence lists refresh on success.
 */
export function EvidenceUpload({ entityType, entityId }: { entityType: string; entityId: number }) {
  const translate = useTranslate();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [description, setDescription] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const upload = async (file: File) => {
    setBusy(true);
    setError(null);
    try {
      const body = new FormData();
      body.append('entityType', entityType);
      body.append('entityId', String(entityId));
      if (description.trim()) body.append('description', description.trim());
      body.append('file', file);
      await httpClient(`${API_URL}/evidence`, { method: 'POST', body });
      setDescription('');
      notify('app.work.uploaded', { type: 'success', messageArgs: { name: file.name } });
      await queryClient.invalidateQueries({ queryKey: ['evidence'] });
    } catch (e) {
      setError(problemOf(e).message);
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };

  return (
    <Stack spacing={1}>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ alignItems: { sm: 'center' } }}>
        <TextField size="small" label={translate('app.work.file_description')} value={description} onChange={(e) => setDescription(e.target.value)} sx={{ flexGrow: 1 }} />
        <Button variant="outlined" sx={{ whiteSpace: 'nowrap', flexShrink: 0 }} startIcon={busy ? <CircularProgress size={16} /> : <UploadFileIcon />} disabled={busy} onClick={() => input.current?.click()}>
          {translate('app.work.upload')}
        </Button>
        <input
          ref={input}
          type="file"
          hidden
          accept={ACCEPTED_EVIDENCE}
          data-testid="evidence-file"
          onChange={(e) => { const file = e.target.files?.[0]; if (file) void upload(file); }}
        />
      </Stack>
      {error ? <Alert severity="error" onClose={() => setError(null)}>{error}</Alert> : null}
    </Stack>
  );
}
