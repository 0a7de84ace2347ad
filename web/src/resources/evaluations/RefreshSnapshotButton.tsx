import { useState } from 'react';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import RefreshIcon from '@mui/icons-material/Refresh';
import { useNotify, useRefresh, useTranslate } from 'react-admin';
import { ProblemAlert } from '../../components/problem/ProblemAlert';
import { useWorkflowAction } from '../../components/workflow/use-workflow-action';
import type { Evaluation } from './types';

/**
 * Recomputes the KPIs of the evaluated year and freezes them again (the action `refresh`, audited
 * with the verdict before and after). Shown only when the server lists it in allowedActions.
 */
export function RefreshSnapshotButton({ record }: { record: Evaluation }) {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [comment, setComment] = useState('');
  const { run, pending, problem, clearProblem } = useWorkflowAction<Evaluation>('evaluations');
  if (!record.allowedActions?.includes('refresh')) return null;

  const confirm = async () => {
    const updated = await run(record, 'refresh', comment.trim() ? { comment: comment.trim() } : {});
    if (updated) {
      setOpen(false);
      setComment('');
      notify('app.evaluation.refreshed', { type: 'success' });
    }
  };

  return (
    <>
      <Button size="small" startIcon={<RefreshIcon />} onClick={() => { clearProblem(); setOpen(true); }}>
        {translate('app.evaluation.refresh_button')}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} aria-labelledby="refresh-title" fullWidth maxWidth="sm">
        <DialogTitle id="refresh-title">{translate('app.evaluation.refresh_title')}</DialogTitle>
        <DialogContent>
          <Stack spacing={2}>
            <DialogContentText>{translate('app.evaluation.refresh_body')}</DialogContentText>
            <TextField
              label={translate('app.evaluation.refresh_comment')}
              value={comment}
              onChange={(e) => setComment(e.target.value)}
              multiline
              minRows={2}
            />
            <ProblemAlert problem={problem} onReload={() => { refresh(); setOpen(false); }} />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</Button>
          <Button variant="contained" onClick={confirm} disabled={pending}>{translate('app.evaluation.refresh_button')}</Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
